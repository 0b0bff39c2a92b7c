package dev.glimpse.gateway.chat;

import dev.glimpse.gateway.FailureKind;
import java.time.Duration;

/**
 * A failure that may pass soon (time-out, refused connection, 429, 5xx): retried a few times within
 * the call and counted by the provider's circuit breaker.
 */
public class TransientCallException extends ModelCallException {

  public TransientCallException(String reason, Duration retryAfter, String raw) {
    super(FailureKind.TRANSIENT, reason, retryAfter, raw);
  }
}
