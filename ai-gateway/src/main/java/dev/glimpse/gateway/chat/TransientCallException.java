package dev.glimpse.gateway.chat;

import dev.glimpse.gateway.FailureKind;
import java.time.Duration;

/**
 * A failure that may pass soon (time-out, refused connection, 429, 5xx): retried a few times within
 * the call and counted by the provider's circuit breaker.
 */
public class TransientCallException extends ModelCallException {

  private final boolean served;

  public TransientCallException(String reason, Duration retryAfter, String raw) {
    this(reason, retryAfter, raw, true);
  }

  /**
   * @param served whether the provider took the request (see {@link #served()})
   */
  public TransientCallException(String reason, Duration retryAfter, String raw, boolean served) {
    super(FailureKind.TRANSIENT, reason, retryAfter, raw);
    this.served = served;
  }

  @Override
  public boolean served() {
    return served;
  }
}
