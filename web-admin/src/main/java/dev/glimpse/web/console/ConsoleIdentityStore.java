package dev.glimpse.web.console;

import dev.glimpse.web.WebLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console users. For now the one user {@code admin}, whose password is {@code
 * GLIMPSE_ADMIN_PASSWORD}; without it nobody can log in.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  static final String ADMIN_USER = "admin";

  @Inject
  @ConfigProperty(name = "glimpse.admin-password")
  Optional<String> adminPassword;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    if (adminPassword.isEmpty() || adminPassword.get().isEmpty()) {
      WebLog.LOG.consolePasswordNotSet();
      return CredentialValidationResult.INVALID_RESULT;
    }
    boolean valid =
        ADMIN_USER.equals(credential.getCaller())
            && MessageDigest.isEqual(
                credential.getPasswordAsString().getBytes(StandardCharsets.UTF_8),
                adminPassword.get().getBytes(StandardCharsets.UTF_8));
    if (!valid) {
      WebLog.LOG.consoleSignInRefused(credential.getCaller());
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        ADMIN_USER, Set.of(ConsoleRoles.ADMIN, ConsoleRoles.REVIEWER));
  }
}
