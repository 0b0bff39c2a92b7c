package dev.glimpse.web.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login for the console ({@code /admin}, protected in web.xml) with Jakarta Security; the
 * {@link ConsoleIdentityStore} checks the credentials.
 */
@ApplicationScoped
@DeclareRoles({ConsoleRoles.ADMIN, ConsoleRoles.REVIEWER})
@FormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/login.xhtml",
            errorPage = "/login.xhtml?failed=true",
            useForwardToLogin = false))
public class ConsoleSecurity {}
