package dev.glimpse.batch.backfill;

import dev.glimpse.domain.usage.ModelPrices;
import dev.glimpse.gateway.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/** The gateway's price table ({@code GLIMPSE_AI_PRICES}) for the domain's estimates. */
@ApplicationScoped
public class GatewayModelPrices implements ModelPrices {

  @Inject GatewaySettings settings;

  @Override
  public Optional<BigDecimal> cost(String model, int tokensIn, int tokensOut) {
    return settings.prices().cost(model, tokensIn, tokensOut);
  }
}
