package dev.glimpse.web;

import java.lang.invoke.MethodHandles;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** The web layer's warnings, each with an id an operator can search for (GLIMPSE04xxx). */
@MessageLogger(projectCode = "GLIMPSE", length = 5)
public interface WebLog extends BasicLogger {

  WebLog LOG = Logger.getMessageLogger(MethodHandles.lookup(), WebLog.class, "dev.glimpse.web");

  @LogMessage(level = Logger.Level.ERROR)
  @Message(id = 4000, value = "Request %s %s failed; answered 500 with problem %s")
  void requestFailed(String method, String path, String problemId, @Cause Throwable cause);

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 4001,
      value =
          "No console user can sign in: set GLIMPSE_ADMIN_PASSWORD (%d characters at least) to"
              + " create the first admin")
  void noConsoleUser(int shortest);

  @LogMessage(level = Logger.Level.WARN)
  @Message(id = 4002, value = "Console sign-in refused for user '%s' from %s")
  void consoleSignInRefused(String user, String address);

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 4005,
      value =
          "Console sign-in refused for user '%s' from %s: the form did not carry its session's"
              + " token")
  void consoleSignInWithoutToken(String user, String address);

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 4006,
      value =
          "Console sign-in refused for user '%s' from %s: too many failures, refused for %d s more")
  void consoleSignInThrottled(String user, String address, long seconds);

  @LogMessage(level = Logger.Level.INFO)
  @Message(
      id = 4003,
      value = "Console admin '%s' created with the password of GLIMPSE_ADMIN_PASSWORD")
  void firstAdminCreated(String user);

  @LogMessage(level = Logger.Level.WARN)
  @Message(id = 4004, value = "Console admin '%s' not created (another node may have): %s")
  void firstAdminNotCreated(String user, String reason);

  @LogMessage(level = Logger.Level.WARN)
  @Message(
      id = 4007,
      value = "Content Security Policy violation on %s: %s blocked %s at %s; sample '%s'")
  void contentSecurityPolicyViolation(
      String page, String directive, String blocked, String source, String sample);
}
