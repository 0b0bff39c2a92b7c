package dev.glimpse.domain.provider;

import java.math.BigDecimal;

/**
 * Caps on what a provider may spend, each optional (null: no cap): US dollars from the price table
 * and tokens (in and out together), per UTC day and per UTC month.
 */
public record Budget(
    BigDecimal dailyUsd, BigDecimal monthlyUsd, Long dailyTokens, Long monthlyTokens) {

  /** No cap at all. */
  public static final Budget NONE = new Budget(null, null, null, null);

  public Budget {
    positive("daily dollars", dailyUsd);
    positive("monthly dollars", monthlyUsd);
    positive("daily tokens", dailyTokens == null ? null : BigDecimal.valueOf(dailyTokens));
    positive("monthly tokens", monthlyTokens == null ? null : BigDecimal.valueOf(monthlyTokens));
  }

  /** Whether any cap is set. */
  public boolean isSet() {
    return dailyUsd != null || monthlyUsd != null || dailyTokens != null || monthlyTokens != null;
  }

  private static void positive(String name, BigDecimal cap) {
    if (cap != null && cap.signum() <= 0) {
      throw new IllegalArgumentException("the cap on " + name + " must be more than 0");
    }
  }
}
