package dev.glimpse.domain.operations;

/**
 * How long a provider's model took per attempt (repair calls included), over {@code attempts}
 * attempts: the median and the 95th percentile, in milliseconds.
 */
public record Latency(
    String provider, String model, long attempts, long p50Millis, long p95Millis) {}
