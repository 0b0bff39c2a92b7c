package dev.glimpse.domain.task;

/**
 * FAILED tasks that share a cause: their error kind and reason key, how many there are, and one
 * full reason as an example.
 */
public record FailureGroup(String errorKind, String errorKey, long count, String example) {}
