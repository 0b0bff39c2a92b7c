package dev.glimpse.domain.provider;

/**
 * How fast the whole cluster may call a provider, each optional (null: no limit): requests per
 * minute, spread evenly (one every 60/n seconds), and tokens per minute (in and out together).
 */
public record RateLimits(Integer requestsPerMinute, Long tokensPerMinute) {

  /** No limit at all. */
  public static final RateLimits NONE = new RateLimits(null, null);

  /** The most requests per minute a limit may allow: one every millisecond. */
  static final int MOST_REQUESTS = 60_000;

  public RateLimits {
    if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > MOST_REQUESTS)) {
      throw new IllegalArgumentException(
          "the limit of requests per minute must be between 1 and " + MOST_REQUESTS);
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException("the limit of tokens per minute must be at least 1");
    }
  }

  /** Whether any limit is set. */
  public boolean isSet() {
    return requestsPerMinute != null || tokensPerMinute != null;
  }

  /** The limits in words, as the console shows them. */
  public String describe() {
    if (!isSet()) {
      return "no rate limit";
    }
    StringBuilder text = new StringBuilder("at most ");
    if (requestsPerMinute != null) {
      text.append(requestsPerMinute).append(" requests");
    }
    if (tokensPerMinute != null) {
      text.append(requestsPerMinute != null ? " and " : "")
          .append(tokensPerMinute)
          .append(" tokens");
    }
    return text.append(" per minute").toString();
  }
}
