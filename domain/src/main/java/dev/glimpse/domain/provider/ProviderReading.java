package dev.glimpse.domain.provider;

import dev.glimpse.domain.usage.Spend;

/**
 * What was decided for a provider (null: nothing yet) and what its calls spent today and this month
 * (UTC), as {@link ProviderControls#reading} read them together.
 */
public record ProviderReading(ProviderControl control, Spend today, Spend thisMonth) {}
