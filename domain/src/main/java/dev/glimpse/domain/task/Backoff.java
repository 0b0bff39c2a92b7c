package dev.glimpse.domain.task;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: {@code base × 2^(attempt-1)}, capped, spread by ±{@code jitter},
 * and never sooner than a provider's own Retry-After hint.
 */
public record Backoff(Duration base, Duration cap, double jitter) {

  public Backoff {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /** The wait before the attempt after {@code attemptsMade} attempts. */
  public Duration delayAfter(int attemptsMade, Duration hint, RandomGenerator random) {
    int exponent = Math.max(0, Math.min(attemptsMade - 1, 30));
    long millis = Math.min(cap.toMillis(), base.toMillis() << Math.min(exponent, 20));
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    Duration delay = Duration.ofMillis(Math.round(millis * spread));
    if (hint != null && hint.compareTo(delay) > 0) {
      return hint.compareTo(cap) > 0 ? cap : hint;
    }
    return delay;
  }
}
