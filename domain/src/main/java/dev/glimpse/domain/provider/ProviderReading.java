package dev.glimpse.domain.provider;

import java.math.BigDecimal;

/**
 * What was decided for a provider (null: nothing yet) and what its calls spent today and this month
 * (UTC), as {@link ProviderControls#reading} read them together.
 */
public record ProviderReading(
    ProviderControl control,
    BigDecimal dayUsd,
    long dayTokens,
    BigDecimal monthUsd,
    long monthTokens) {}
