package dev.glimpse.domain.usage;

/**
 * What the items of one kind took on average from the model that made the latest of them.
 *
 * @param items the items made with that model in the period looked at
 * @param tokensIn average prompt tokens per item, repair calls and parts included
 * @param tokensOut average completion tokens per item
 */
public record ItemUsage(
    String provider, String model, long items, double tokensIn, double tokensOut) {}
