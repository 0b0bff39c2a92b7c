package dev.glimpse.infrastructure.metrics;

/**
 * How this node served summary reads since it started.
 *
 * @param hitRate fresh hits among all reads, 0 to 1
 * @param meanReadMillis the mean time to answer a read, without waiting for a new summary
 */
public record SummaryReadStats(
    long hits,
    long staleHits,
    long misses,
    double hitRate,
    long tokensSaved,
    double costSavedUsd,
    double meanReadMillis) {}
