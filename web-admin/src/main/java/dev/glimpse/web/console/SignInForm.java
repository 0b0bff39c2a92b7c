package dev.glimpse.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Backs the sign-in page: the token that ties its form to the visitor's session, so that another
 * site cannot sign a visitor in to an account of its choosing (login CSRF), and what the page says
 * after a refused attempt.
 */
@Named
@RequestScoped
public class SignInForm {

  /** The form field that carries the token. */
  static final String TOKEN_FIELD = "glimpse_sign_in_token";

  /**
   * Where Jakarta Security (Soteria, WildFly's implementation) keeps the request a sign-in is to
   * continue to; it takes a sign-in form's post only while one is kept.
   */
  private static final String CONTINUES_TO = "org.glassfish.soteria.original.request";

  private static final String TOKEN = "glimpse.sign-in.token";
  private static final String REFUSAL = "glimpse.sign-in.refusal";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject HttpServletRequest request;

  /**
   * Sends a visitor who opened the sign-in page by itself (a bookmark) to the console's home first,
   * which asks for the sign-in again with somewhere to continue to; null when there is somewhere.
   */
  public String continueToConsole() {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(CONTINUES_TO) != null
        ? null
        : "/admin/index.xhtml?faces-redirect=true";
  }

  /** The session's sign-in token, made with the session. */
  public String getToken() {
    HttpSession session = request.getSession(true);
    Object token = session.getAttribute(TOKEN);
    if (token == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(TOKEN, token);
    }
    return token.toString();
  }

  /**
   * Why the last attempt was refused, once; a wrong name or password when nothing else is known.
   */
  public String getRefusal() {
    HttpSession session = request.getSession(false);
    Object refusal = session == null ? null : session.getAttribute(REFUSAL);
    if (session != null) {
      session.removeAttribute(REFUSAL);
    }
    return refusal == null ? "The user name or password is not right." : refusal.toString();
  }

  /** Whether the visitor has just signed out, as the sign-out left word in a cookie. */
  public boolean isSignedOut() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (SignOut.SIGNED_OUT.equals(cookie.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code request} carries the token of its session, compared in constant time. */
  static boolean carriesToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(TOKEN);
    String given = request.getParameter(TOKEN_FIELD);
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.toString().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  /** Tells the next sign-in page that the form was not the session's. */
  static void refuseForm(HttpServletRequest request) {
    request
        .getSession(true)
        .setAttribute(
            REFUSAL,
            "The sign-in form had expired or came from somewhere else. Please sign in again.");
  }

  /** Tells the next sign-in page how long to wait. */
  static void refuseFor(HttpServletRequest request, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    request
        .getSession(true)
        .setAttribute(
            REFUSAL,
            "Too many failed sign-ins with this user name or from this address. Try again in "
                + seconds
                + (seconds == 1 ? " second." : " seconds."));
  }
}
