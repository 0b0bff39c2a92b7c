package dev.glimpse.domain.operations;

import java.time.Instant;

/** How many items finished in the period that starts at {@code from} (a minute or an hour). */
public record Finished(Instant from, long items) {}
