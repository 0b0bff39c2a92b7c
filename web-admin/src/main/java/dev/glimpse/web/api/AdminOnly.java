package dev.glimpse.web.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.SecurityContext;

/** The check an admin endpoint of the API makes first: 403 for a client that is not an admin. */
final class AdminOnly {

  private AdminOnly() {}

  static void check(SecurityContext security) {
    if (!security.isUserInRole(ApiKeyFilter.ADMIN)) {
      throw new ForbiddenException(
          "Only an admin client may do this; "
              + security.getUserPrincipal().getName()
              + " is not one.");
    }
  }
}
