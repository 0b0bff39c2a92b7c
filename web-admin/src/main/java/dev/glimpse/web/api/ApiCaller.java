package dev.glimpse.web.api;

import dev.glimpse.domain.task.Actor;
import jakarta.ws.rs.core.SecurityContext;

/** The API client making a request, from the principal that {@link ApiKeyFilter} set. */
public final class ApiCaller {

  private ApiCaller() {}

  /** The client as the actor of what the request does. */
  public static Actor of(SecurityContext security) {
    return Actor.apiClient(security.getUserPrincipal().getName());
  }

  /** The client's name, as its key is configured. */
  public static String client(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }

  /** The client as the owner of the items it creates and may see. */
  public static String owner(SecurityContext security) {
    return of(security).toString();
  }
}
