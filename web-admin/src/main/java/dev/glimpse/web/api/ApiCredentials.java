package dev.glimpse.web.api;

import dev.glimpse.domain.access.ApiCallerIdentity;
import dev.glimpse.domain.access.ApiClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who an {@code Authorization: Bearer <key>} header names: a client of the environment, or one
 * registered in the database. The API, the health checks and the metrics ask it alike.
 */
@ApplicationScoped
public class ApiCredentials {

  private static final String BEARER = "Bearer ";

  @Inject ApiClientKeys environment;

  @Inject ApiClients registered;

  /** The key the header carries, or null when it carries none. */
  public static String bearerKey(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authorization.substring(BEARER.length()).trim()
        : null;
  }

  /** The client whose key {@code key} is, if it is a key that works now. */
  public Optional<ApiCallerIdentity> identify(String key) {
    return environment.clientFor(key).or(() -> registered.identify(key));
  }

  /** Whether the header carries the key of an admin client. */
  public boolean isAdmin(String authorization) {
    return identify(bearerKey(authorization)).map(ApiCallerIdentity::admin).orElse(false);
  }
}
