package dev.glimpse.domain.provider;

import java.math.BigDecimal;

/**
 * Caps on what a provider may spend, each optional (null: no cap): US dollars from the price table
 * and tokens (in and out together), per UTC day and per UTC month.
 */
public record Budget(
    BigDecimal dailyUsd, BigDecimal monthlyUsd, Long dailyTokens, Long monthlyTokens) {

  /** What the columns of a dollar cap hold at most (14 digits, 8 of them decimals). */
  private static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000);

  /** No cap at all. */
  public static final Budget NONE = new Budget(null, null, null, null);

  public Budget {
    positive("daily dollars", dailyUsd);
    positive("monthly dollars", monthlyUsd);
    positive("daily tokens", dailyTokens);
    positive("monthly tokens", monthlyTokens);
  }

  /** Whether any cap is set. */
  public boolean isSet() {
    return dailyUsd != null || monthlyUsd != null || dailyTokens != null || monthlyTokens != null;
  }

  private static void positive(String name, Long cap) {
    if (cap != null && cap <= 0) {
      throw new IllegalArgumentException("the cap on " + name + " must be more than 0");
    }
  }

  private static void positive(String name, BigDecimal cap) {
    if (cap == null) {
      return;
    }
    if (cap.signum() <= 0) {
      throw new IllegalArgumentException("the cap on " + name + " must be more than 0");
    }
    if (cap.stripTrailingZeros().scale() > 8) {
      throw new IllegalArgumentException("the cap on " + name + " has more than 8 decimal places");
    }
    if (cap.compareTo(LARGEST) >= 0) {
      throw new IllegalArgumentException("the cap on " + name + " must be less than 1000000");
    }
  }
}
