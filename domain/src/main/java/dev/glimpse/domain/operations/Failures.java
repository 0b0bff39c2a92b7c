package dev.glimpse.domain.operations;

import java.time.Instant;

/** How many attempts ended in a failure of {@code errorKind} in the minute from {@code minute}. */
public record Failures(Instant minute, String errorKind, long attempts) {}
