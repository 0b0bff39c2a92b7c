package dev.glimpse.web.console;

import dev.glimpse.domain.access.ConsoleUser;
import dev.glimpse.domain.access.ConsoleUsers;
import dev.glimpse.web.WebLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Checks a console sign-in against the users in the database ({@link ConsoleUsers}); the user's
 * role gives its groups: an admin is a reviewer too.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  /** The longest part of a refused user name the log keeps. */
  static final int LOGGED_NAME = 64;

  @Inject ConsoleUsers users;

  @Inject ConsolePasswords passwords;

  @Inject HttpServletRequest request;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    Optional<ConsoleUser> user =
        users.authenticate(credential.getCaller(), credential.getPasswordAsString(), passwords);
    if (user.isEmpty()) {
      WebLog.LOG.consoleSignInRefused(loggable(credential.getCaller()), request.getRemoteAddr());
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(user.get().name(), user.get().role().grantedRoles());
  }

  /** {@code name} as the log may hold it: no control characters, and bounded. */
  static String loggable(String name) {
    if (name == null) {
      return "";
    }
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= LOGGED_NAME
        ? printable
        : printable.substring(0, LOGGED_NAME) + "…";
  }
}
