package dev.glimpse.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What held this node's calls to a provider back of late: its circuit breaker, open after repeated
 * failures, or the cluster's rate limit. Kept per node, as the circuit breaker is, for the console
 * to say so beside the provider's state.
 */
@ApplicationScoped
public class CallHealth {

  /** How long an event counts as recent. */
  static final Duration RECENT = Duration.ofSeconds(30);

  private final Map<String, Instant> circuitOpen = new ConcurrentHashMap<>();
  private final Map<String, Instant> throttled = new ConcurrentHashMap<>();

  /** The circuit breaker turned a call to {@code provider} away. */
  public void circuitOpen(String provider) {
    circuitOpen.put(provider, Instant.now());
  }

  /** A request to {@code provider} waited for its turn under the rate limit. */
  public void throttled(String provider) {
    throttled.put(provider, Instant.now());
  }

  /** What held calls to {@code provider} back in the last {@link #RECENT}, in words. */
  public Optional<String> trouble(String provider) {
    Instant since = Instant.now().minus(RECENT);
    if (recent(circuitOpen, provider, since)) {
      return Optional.of(
          "circuit open on this node: "
              + provider
              + " failed repeatedly, so its calls are paused for a while");
    }
    if (recent(throttled, provider, since)) {
      return Optional.of("throttled on this node: requests wait for the rate limit");
    }
    return Optional.empty();
  }

  private static boolean recent(Map<String, Instant> events, String provider, Instant since) {
    Instant at = events.get(provider);
    return at != null && at.isAfter(since);
  }
}
