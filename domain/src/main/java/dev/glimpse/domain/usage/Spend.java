package dev.glimpse.domain.usage;

import java.math.BigDecimal;

/**
 * What model calls cost over a period, as {@link ModelUsageLog} adds them up.
 *
 * @param costUsd the estimated cost of the priced calls; zero when none was priced
 * @param unpricedCalls calls to models the price table does not know, whose cost is not included
 */
public record Spend(
    long calls, long tokensIn, long tokensOut, BigDecimal costUsd, long unpricedCalls) {

  /** Tokens in and out together. */
  public long tokens() {
    return tokensIn + tokensOut;
  }
}
