package dev.glimpse.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  @Test
  void pricesInputAndOutputTokensPerMillion() {
    PriceTable prices = PriceTable.parse("gpt-4o-mini=0.15/0.60, llava:7b = 0/0");

    assertThat(prices.cost("gpt-4o-mini", 1_000_000, 500_000))
        .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo(new BigDecimal("0.45")));
    assertThat(prices.cost("llava:7b", 613, 182))
        .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo(BigDecimal.ZERO));
  }

  @Test
  void anUnpricedModelHasNoCost() {
    assertThat(PriceTable.parse("").cost("anything", 10, 10)).isEmpty();
  }

  @Test
  void aMalformedEntryIsNamedInTheError() {
    assertThatThrownBy(() -> PriceTable.parse("gpt-4o=cheap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpt-4o=cheap");
    assertThatThrownBy(() -> PriceTable.parse("gpt-4o=a/b")).hasMessageContaining("not a number");
  }
}
