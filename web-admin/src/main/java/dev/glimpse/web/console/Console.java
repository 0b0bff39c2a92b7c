package dev.glimpse.web.console;

import dev.glimpse.domain.task.Actor;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What every console bean needs of the request: who is signed in, and messages to show. */
public final class Console {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Console() {}

  /** The signed-in user as the actor of what the request does. */
  public static Actor actor() {
    return Actor.user(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
  }

  /** {@code at} as the admin pages show times, to the minute in UTC; a dash for none. */
  public static String when(Instant at) {
    return at == null ? "—" : WHEN.format(at) + " UTC";
  }

  /** Tells the user what happened (announced politely). */
  public static void inform(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /**
   * Tells the user what needs their attention: {@code message} as a sentence, so that the domain's
   * reasons ("a password has 12 characters at least") read as the page's own.
   */
  public static void warn(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, sentence(message), null));
  }

  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "That did not work.";
    }
    String text = message.strip();
    String first = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return first.matches("(?s).*[.!?…]$") ? first : first + ".";
  }
}
