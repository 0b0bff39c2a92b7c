package dev.glimpse.gateway;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the model calls behind one result cost and returned, kept with every result and failure.
 *
 * @param calls how many calls were made (2 after a repair call; 0 when the bulkhead admitted none,
 *     or no model was involved)
 * @param costUsd the estimated cost from the price table, or {@code null} for an unpriced model
 * @param rawResponse the provider's last answer, cut to {@link #RAW_LIMIT} characters, or null
 * @param repairs what had to be mended to read the answer
 * @param reusedParts how many parts of a long text were not paid for again: their summaries were
 *     kept from an earlier attempt
 */
public record CallStats(
    String provider,
    String model,
    long latencyMillis,
    int calls,
    int tokensIn,
    int tokensOut,
    BigDecimal costUsd,
    String rawResponse,
    Set<Repair> repairs,
    int reusedParts) {

  public static final int RAW_LIMIT = 8192;

  public CallStats {
    if (rawResponse != null && rawResponse.length() > RAW_LIMIT) {
      rawResponse = rawResponse.substring(0, RAW_LIMIT);
    }
    repairs = repairs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(repairs));
  }

  /**
   * One line for the audit trail and the log: provider, model, time, calls, tokens, cost, repairs.
   */
  public String describe() {
    StringBuilder line =
        new StringBuilder(provider).append('/').append(model).append(" answered in ");
    line.append(latencyMillis).append(" ms");
    if (calls == 0 && costUsd == null) {
      line.append(" (not called)");
    } else if (calls > 0) {
      line.append(" (").append(calls).append(calls == 1 ? " call, " : " calls, ");
      line.append(tokensIn).append(" tokens in, ").append(tokensOut).append(" out");
      if (costUsd != null) {
        line.append(", $").append(costUsd.toPlainString());
      }
      line.append(')');
    }
    if (reusedParts > 0) {
      line.append("; ")
          .append(reusedParts)
          .append(reusedParts == 1 ? " part" : " parts")
          .append(" reused from an earlier attempt");
    }
    if (!repairs.isEmpty()) {
      line.append("; repaired: ").append(new TreeSet<>(repairs));
    }
    return line.toString();
  }

  /** These stats and {@code later}'s together: calls, tokens, time and cost add up. */
  public CallStats plus(CallStats later) {
    Set<Repair> both = EnumSet.noneOf(Repair.class);
    both.addAll(repairs);
    both.addAll(later.repairs());
    BigDecimal cost =
        costUsd == null || later.costUsd() == null ? null : costUsd.add(later.costUsd());
    return new CallStats(
        provider,
        model,
        latencyMillis + later.latencyMillis(),
        calls + later.calls(),
        tokensIn + later.tokensIn(),
        tokensOut + later.tokensOut(),
        cost,
        later.rawResponse(),
        both,
        reusedParts + later.reusedParts());
  }

  /** These stats, counting one more part whose kept summary was used instead of a call. */
  public CallStats plusReusedPart() {
    return new CallStats(
        provider,
        model,
        latencyMillis,
        calls,
        tokensIn,
        tokensOut,
        costUsd,
        rawResponse,
        repairs,
        reusedParts + 1);
  }

  /** Stats of a result made without any model call. */
  public static CallStats offline(String provider, String model, long latencyMillis) {
    return new CallStats(
        provider, model, latencyMillis, 0, 0, 0, BigDecimal.ZERO, null, Set.of(), 0);
  }
}
