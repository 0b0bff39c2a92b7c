package dev.glimpse.domain.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The model calls of one attempt, as {@link ModelUsageLog} records them.
 *
 * @param kind the task's kind ({@code DESCRIBE_IMAGE}, …)
 * @param owner the API client or person the task works for
 * @param costUsd the estimated cost from the price table, or null for an unpriced model
 * @param outcome {@code answered}, {@code doubtful} or the failure kind's code
 */
public record UsageRecord(
    String taskId,
    String kind,
    String owner,
    String provider,
    String model,
    int calls,
    long latencyMillis,
    int tokensIn,
    int tokensOut,
    BigDecimal costUsd,
    String outcome) {

  public UsageRecord {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(outcome, "outcome");
  }
}
