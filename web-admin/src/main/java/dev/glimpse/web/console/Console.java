package dev.glimpse.web.console;

import dev.glimpse.domain.task.Actor;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** What every console bean needs of the request: who is signed in, and messages to show. */
public final class Console {

  private Console() {}

  /** The signed-in user as the actor of what the request does. */
  public static Actor actor() {
    return Actor.user(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
  }

  /** Tells the user what happened (announced politely). */
  public static void inform(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /** Tells the user what needs their attention. */
  public static void warn(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
  }
}
