package dev.glimpse.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * The typed outcome of asking a model: a valid value, or a failure of a known kind with a reason a
 * reviewer can act on. Gateways return these and never throw for anything a provider can answer.
 */
public sealed interface ModelResult<T> {

  CallStats stats();

  /**
   * A valid answer.
   *
   * @param doubt why a human should check it (for instance: made without a model), or null
   */
  record Answered<T>(T value, String promptVersion, String doubt, CallStats stats)
      implements ModelResult<T> {
    public Answered {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(promptVersion, "promptVersion");
      Objects.requireNonNull(stats, "stats");
    }

    public boolean doubtful() {
      return doubt != null;
    }
  }

  /**
   * No usable answer.
   *
   * @param retryAfter the provider's hint for the next attempt, or null
   */
  record Failed<T>(FailureKind kind, String reason, Duration retryAfter, CallStats stats)
      implements ModelResult<T> {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(stats, "stats");
    }
  }
}
