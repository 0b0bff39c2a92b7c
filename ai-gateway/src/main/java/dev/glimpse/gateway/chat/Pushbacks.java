package dev.glimpse.gateway.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider's requests to slow down that this thread's calls met: an answer 429 (too many
 * requests) or 503 (unavailable), with its {@code Retry-After} when it gave one. A call and its
 * fault-tolerance retries run on the caller's thread, so the caller {@linkplain #take() takes} what
 * its call met once the call returned, and slows down every node, not just the task at hand.
 */
public final class Pushbacks {

  /** What a pushback without {@code Retry-After} asks for. */
  public static final Duration WITHOUT_RETRY_AFTER = Duration.ofSeconds(10);

  private static final ThreadLocal<Duration> LONGEST = new ThreadLocal<>();

  private Pushbacks() {}

  /** A try got the HTTP answer {@code status}, with {@code retryAfter} (null when none). */
  static void answered(int status, Duration retryAfter) {
    if (status != 429 && status != 503) {
      return;
    }
    Duration asked = retryAfter == null ? WITHOUT_RETRY_AFTER : retryAfter;
    Duration before = LONGEST.get();
    if (before == null || asked.compareTo(before) > 0) {
      LONGEST.set(asked);
    }
  }

  /** The longest wait the provider asked this thread for since the last take, if any; clears it. */
  public static Optional<Duration> take() {
    Duration asked = LONGEST.get();
    LONGEST.remove();
    return Optional.ofNullable(asked);
  }
}
