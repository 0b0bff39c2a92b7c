package dev.glimpse.web.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request rate of each API client on this node: a token bucket per client (Bucket4j, in memory)
 * of {@link ApiLimits#requestBurst()} tokens, refilled at {@link ApiLimits#requestsPerSecond()}.
 * Only known clients get a bucket, so there are as many as there are clients.
 */
@ApplicationScoped
public class RequestRate {

  @Inject ApiLimits limits;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes a token for one request of {@code client}.
   *
   * @throws LimitReachedException when its bucket is empty, saying when a token is back
   */
  public void admit(String client) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(client, name -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new LimitReachedException(
          "requests per second",
          "At most "
              + limits.requestsPerSecond()
              + " requests per second on average, "
              + limits.requestBurst()
              + " at once; wait as Retry-After says.",
          Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(limits.requestBurst())
                    .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)))
        .build();
  }
}
