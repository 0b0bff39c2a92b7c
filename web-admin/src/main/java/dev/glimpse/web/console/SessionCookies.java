package dev.glimpse.web.console;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the console's session travels: in a cookie only, never in a URL; {@code HttpOnly} and {@code
 * SameSite=Strict}, and {@code Secure} when {@code GLIMPSE_SECURE_COOKIES} is true (behind TLS);
 * and it ends after {@code GLIMPSE_SESSION_IDLE_TIMEOUT} without a request (30 minutes).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Config config = ConfigProvider.getConfig();
    ServletContext context = event.getServletContext();
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setSecure(secure(config));
    cookie.setAttribute("SameSite", "Strict");
    Duration idle =
        config
            .getOptionalValue("glimpse.session.idle-timeout", Duration.class)
            .orElse(Duration.ofMinutes(30));
    context.setSessionTimeout((int) Math.max(1, idle.toMinutes()));
  }

  /** Whether the session cookie, and the console's pages, are for HTTPS only. */
  static boolean secure(Config config) {
    return config.getOptionalValue("glimpse.secure-cookies", Boolean.class).orElse(false);
  }
}
