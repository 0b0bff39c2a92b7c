package dev.glimpse.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The security headers of the console's pages and resources: no framing by other sites, no type
 * sniffing, no address of the console in another site's referrer, HSTS behind TLS, and no copy of a
 * console page in any cache, so that after signing out the browser's back button shows nothing of
 * what was there. A page gets its full Content Security Policy, with the page's nonce, from
 * PrimeFaces (web.xml); a browser enforces both policies.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/jakarta.faces.resource/*", "/admin/*"})
public class ConsoleHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private boolean secure;

  @Override
  public void init() {
    secure = SessionCookies.secure(ConfigProvider.getConfig());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    if (secure) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
