package dev.glimpse.web.console;

import dev.glimpse.domain.access.ConsoleUser;
import dev.glimpse.domain.access.ConsoleUsers;
import dev.glimpse.domain.access.SignInThrottle;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.web.WebLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks a console sign-in: the form must carry its session's token ({@link SignInForm}), the name
 * and address must not be throttled ({@link SignInThrottle}), and the password must be the user's
 * ({@link ConsoleUsers}). A user who signs in gets a new session id, and the groups of their role:
 * an admin is a reviewer too.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  /** The longest part of a refused user name the log keeps. */
  static final int LOGGED_NAME = 64;

  @Inject ConsoleUsers users;

  @Inject ConsolePasswords passwords;

  @Inject SignInThrottle throttle;

  @Inject HttpServletRequest request;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String name = credential.getCaller();
    String address = request.getRemoteAddr();
    if (!SignInForm.carriesToken(request)) {
      WebLog.LOG.consoleSignInWithoutToken(loggable(name), address);
      SignInForm.refuseForm(request);
      return CredentialValidationResult.INVALID_RESULT;
    }
    Duration wait = throttle.lockedFor(name, address);
    if (!wait.isZero()) {
      WebLog.LOG.consoleSignInThrottled(loggable(name), address, wait.toSeconds());
      SignInForm.refuseFor(request, wait);
      return CredentialValidationResult.INVALID_RESULT;
    }
    Optional<ConsoleUser> user =
        users.authenticate(name, credential.getPasswordAsString(), passwords);
    if (user.isEmpty()) {
      throttle.failed(name, address);
      WebLog.LOG.consoleSignInRefused(loggable(name), address);
      return CredentialValidationResult.INVALID_RESULT;
    }
    throttle.succeeded(name, address);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    return new CredentialValidationResult(user.get().name(), user.get().role().grantedRoles());
  }

  /** {@code name} as the log may hold it: no control characters, and bounded. */
  static String loggable(String name) {
    return loggable(name, LOGGED_NAME);
  }

  /** {@code text} fit for a log line: control characters as '?', at most {@code max} long. */
  static String loggable(String text, int max) {
    if (text == null) {
      return "";
    }
    return Texts.bounded(text.replaceAll("\\p{Cntrl}", "?"), max);
  }
}
