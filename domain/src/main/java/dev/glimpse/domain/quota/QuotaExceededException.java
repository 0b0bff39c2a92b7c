package dev.glimpse.domain.quota;

import java.time.Duration;

/** An API client reached one of its daily quotas; it resets at the next UTC midnight. */
public class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String quota;
  private final Duration resetsIn;

  QuotaExceededException(String client, String quota, int limit, long used, Duration resetsIn) {
    super(
        "the client "
            + client
            + " reached its quota of "
            + quota
            + " ("
            + limit
            + "; "
            + used
            + " today); it resets at 00:00 UTC");
    this.quota = quota;
    this.resetsIn = resetsIn;
  }

  /** Which quota: {@code uploads per day} or {@code model calls per day}. */
  public String quota() {
    return quota;
  }

  /** How long until the quota resets. */
  public Duration resetsIn() {
    return resetsIn;
  }
}
