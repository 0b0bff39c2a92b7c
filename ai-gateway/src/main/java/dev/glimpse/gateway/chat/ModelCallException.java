package dev.glimpse.gateway.chat;

import dev.glimpse.gateway.FailureKind;
import java.time.Duration;

/**
 * A model call that produced no answer: an HTTP error, a refused connection, a time-out. The {@link
 * #kind()} follows the gateway's failure taxonomy; the message is the human-readable reason.
 */
public class ModelCallException extends RuntimeException {

  private final FailureKind kind;
  private final Duration retryAfter;
  private final String raw;

  public ModelCallException(FailureKind kind, String reason, Duration retryAfter, String raw) {
    super(reason);
    this.kind = kind;
    this.retryAfter = retryAfter;
    this.raw = raw;
  }

  public FailureKind kind() {
    return kind;
  }

  /** The provider's hint for the next attempt, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The error body as the provider sent it, or null. */
  public String raw() {
    return raw;
  }

  /** Whether trying again may help. */
  public boolean isTransient() {
    return kind == FailureKind.TRANSIENT;
  }
}
