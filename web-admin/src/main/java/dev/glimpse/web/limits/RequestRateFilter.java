package dev.glimpse.web.limits;

import dev.glimpse.web.api.ApiCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every request of an API client against its {@link RequestRate}, after the key has named
 * the client: 429 with {@code Retry-After} when it sends faster.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RequestRateFilter implements ContainerRequestFilter {

  @Inject RequestRate rate;

  @Override
  public void filter(ContainerRequestContext request) {
    rate.admit(ApiCaller.client(request.getSecurityContext()));
  }
}
