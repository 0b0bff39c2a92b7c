package dev.glimpse.gateway.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per million tokens, per model, from {@code GLIMPSE_AI_PRICES}: a comma-separated list of
 * {@code model=input/output} in US dollars, e.g. {@code gpt-4o-mini=0.15/0.60,gpt-4o=2.50/10.00}. A
 * model without a price has an unknown cost.
 */
public final class PriceTable {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The price of one model: dollars per million input and output tokens. */
  public record Price(BigDecimal input, BigDecimal output) {}

  /**
   * Parses the setting.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code model=input/output}
   */
  public static PriceTable parse(String setting) {
    Map<String, Price> prices = new LinkedHashMap<>();
    if (setting == null || setting.isBlank()) {
      return new PriceTable(prices);
    }
    for (String entry : setting.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.lastIndexOf('=');
      int slash = entry.lastIndexOf('/');
      if (equals <= 0 || slash < equals) {
        throw new IllegalArgumentException(
            "GLIMPSE_AI_PRICES entry '" + entry.strip() + "' is not model=input/output");
      }
      try {
        prices.put(
            entry.substring(0, equals).strip(),
            new Price(
                new BigDecimal(entry.substring(equals + 1, slash).strip()),
                new BigDecimal(entry.substring(slash + 1).strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "GLIMPSE_AI_PRICES entry '" + entry.strip() + "' has a price that is not a number", e);
      }
    }
    return new PriceTable(prices);
  }

  /** The estimated cost of a call in dollars, if the model has a price. */
  public Optional<BigDecimal> cost(String model, int tokensIn, int tokensOut) {
    Price price = prices.get(model);
    if (price == null) {
      return Optional.empty();
    }
    BigDecimal cost =
        price
            .input()
            .multiply(BigDecimal.valueOf(tokensIn))
            .add(price.output().multiply(BigDecimal.valueOf(tokensOut)))
            .divide(MILLION, 8, RoundingMode.HALF_UP);
    return Optional.of(cost.stripTrailingZeros());
  }
}
