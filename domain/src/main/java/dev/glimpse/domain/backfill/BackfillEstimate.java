package dev.glimpse.domain.backfill;

import java.math.BigDecimal;

/**
 * What a backfill is expected to cost, from the average tokens per item observed so far and the
 * price table.
 *
 * @param tokens the tokens it is expected to use, in and out; null when there is no basis
 * @param costUsd the expected cost in US dollars; null when there is no basis or no price
 * @param basis what the estimate rests on, or why there is none, in a sentence
 */
public record BackfillEstimate(Long tokens, BigDecimal costUsd, String basis) {

  /** No estimate, for the reason {@code why}. */
  static BackfillEstimate none(String why) {
    return new BackfillEstimate(null, null, why);
  }
}
