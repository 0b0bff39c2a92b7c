package dev.glimpse.web.api;

/**
 * FAILED tasks of one cause: filter with {@code ?status=FAILED&errorKind=…&reason=…} to see or
 * retry them.
 */
public record FailureGroupView(String errorKind, String reason, long count, String example) {}
