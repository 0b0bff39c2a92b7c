package dev.glimpse.infrastructure.metrics;

/**
 * The model calls a node made since it started.
 *
 * @param calls results that needed the model (a repair call counts with its first call)
 * @param meanMillis their mean latency
 * @param costUsd the estimated cost of the priced models among them
 */
public record ModelCallStats(
    long calls, double meanMillis, long tokensIn, long tokensOut, double costUsd) {}
