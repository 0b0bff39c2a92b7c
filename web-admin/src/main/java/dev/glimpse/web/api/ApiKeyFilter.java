package dev.glimpse.web.api;

import dev.glimpse.domain.access.ApiCallerIdentity;
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
import java.util.Optional;

/**
 * Admits requests that carry {@code Authorization: Bearer <key>} of a known API client, one of the
 * environment's or one registered in the database; 401 otherwise. An admin client is in the role
 * {@value #ADMIN}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  /** The role of an admin client, who may manage the API clients. */
  public static final String ADMIN = "api-admin";

  @Inject ApiCredentials credentials;

  @Override
  public void filter(ContainerRequestContext request) {
    String key = ApiCredentials.bearerKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    Optional<ApiCallerIdentity> client = credentials.identify(key);
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
    ApiCallerIdentity identity = client.get();
    request.setSecurityContext(new ClientSecurityContext(identity::name, identity.admin(), secure));
  }

  /** The API client as the request's principal. */
  record ClientSecurityContext(Principal principal, boolean admin, boolean secure)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return "api-client".equals(role) || (admin && ADMIN.equals(role));
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
