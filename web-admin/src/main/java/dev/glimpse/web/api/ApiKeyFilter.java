package dev.glimpse.web.api;

import dev.glimpse.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Admits requests that carry {@code Authorization: Bearer <key>} of a known API client; 401
 * otherwise.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject ApiClientKeys keys;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String key =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).trim()
            : null;
    var client = keys.clientFor(key);
    if (client.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  Problem.of(
                          "unauthorized",
                          "Unauthorized",
                          Response.Status.UNAUTHORIZED,
                          key == null
                              ? "An API key is required: Authorization: Bearer <key>."
                              : "The API key is not valid.")
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"glimpse\"")
              .build());
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    String name = client.get();
    request.setSecurityContext(new ClientSecurityContext(() -> name, secure));
  }

  /** The API client as the request's principal. */
  record ClientSecurityContext(Principal principal, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return "api-client".equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
