package dev.glimpse.gateway.chat;

import java.time.Duration;

/**
 * A request not sent because the cluster's rate limit for the provider would have made it wait too
 * long. Nothing reached the provider: it is no sign of its health (the circuit breaker skips it)
 * and costs the task no attempt.
 */
public class ThrottledCallException extends DeferredCallException {

  public ThrottledCallException(String reason, Duration retryAfter) {
    super(reason, retryAfter, null);
  }
}
