package dev.glimpse.web.limits;

import java.time.Duration;

/** A client at one of its limits of {@link ApiLimits}: answered 429 with {@code Retry-After}. */
public class LimitReachedException extends RuntimeException {

  private final String limit;
  private final transient Duration retryAfter;

  /** {@code limit} names the limit reached; {@code detail} says what to do about it. */
  public LimitReachedException(String limit, String detail, Duration retryAfter) {
    super(detail);
    this.limit = limit;
    this.retryAfter = retryAfter;
  }

  public String limit() {
    return limit;
  }

  /** When a request like this one may succeed again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
