package dev.glimpse.domain.usage;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The price table the gateway estimates costs with, for estimates made before any call. Implemented
 * by the module that holds the gateway.
 */
public interface ModelPrices {

  /**
   * What a call to {@code model} with these tokens costs in US dollars, if the model has a price.
   */
  Optional<BigDecimal> cost(String model, int tokensIn, int tokensOut);
}
