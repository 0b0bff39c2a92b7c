package dev.glimpse.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's sign-out: the user is signed out and the session, with all it held, is gone. The
 * browser goes on to the console's home, which asks for a sign-in again; a short-lived cookie tells
 * that sign-in page to say "You are signed out."
 */
@Named
@RequestScoped
public class SignOut {

  /** The cookie that tells the next sign-in page that the user signed out. */
  static final String SIGNED_OUT = "glimpse_signed_out";

  /** Signs out; the sign-in page follows. */
  public String signOut() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    Cookie notice = new Cookie(SIGNED_OUT, "1");
    notice.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    notice.setMaxAge(15);
    notice.setHttpOnly(true);
    notice.setSecure(request.isSecure());
    notice.setAttribute("SameSite", "Strict");
    ((HttpServletResponse) external.getResponse()).addCookie(notice);
    return "/admin/index.xhtml?faces-redirect=true";
  }
}
