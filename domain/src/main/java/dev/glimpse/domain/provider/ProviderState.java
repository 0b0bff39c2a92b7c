package dev.glimpse.domain.provider;

import dev.glimpse.domain.usage.Spend;
import java.util.Optional;

/**
 * Whether a provider's work goes on, as every node decides it: {@link Condition#PAUSED}, {@link
 * Condition#OVER_BUDGET} and {@link Condition#SLOWED_DOWN} hold its tasks PENDING, with {@code
 * reason} saying why.
 *
 * @param limits how fast the whole cluster may call the provider
 * @param today what the provider's calls cost today (UTC)
 * @param thisMonth what they cost this month (UTC)
 */
public record ProviderState(
    String provider,
    Condition condition,
    String reason,
    Budget budget,
    RateLimits limits,
    Spend today,
    Spend thisMonth) {

  /** What holds the work back, if anything. */
  public enum Condition {
    RUNNING,
    PAUSED,
    OVER_BUDGET,
    SLOWED_DOWN
  }

  /** The state in a word and why, as the console says it: "Running", "Paused: …", "Waiting: …". */
  public String describe() {
    return switch (condition) {
      case RUNNING -> "Running";
      case PAUSED -> "Paused: " + reason;
      case OVER_BUDGET, SLOWED_DOWN -> "Waiting: " + reason;
    };
  }

  /**
   * Why new calls wait, as API clients and the public health check may read it: without the name of
   * the admin who paused or the amounts spent, which only the console shows.
   */
  public Optional<String> publicHoldBack() {
    return switch (condition) {
      case RUNNING -> Optional.empty();
      case PAUSED -> Optional.of("paused by an administrator");
      case OVER_BUDGET -> Optional.of("budget reached");
      case SLOWED_DOWN -> Optional.of(reason);
    };
  }

  /** Why new calls wait, when they do. */
  public Optional<String> holdBack() {
    return condition == Condition.RUNNING ? Optional.empty() : Optional.of(reason);
  }
}
