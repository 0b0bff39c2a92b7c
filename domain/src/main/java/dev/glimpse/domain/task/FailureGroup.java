package dev.glimpse.domain.task;

import java.io.Serializable;

/**
 * FAILED tasks that share a cause: their error kind and reason key, how many there are, one full
 * reason as an example, and one raw model answer (or null when no model answered).
 */
public record FailureGroup(
    String errorKind, String errorKey, long count, String example, String sampleResponse)
    implements Serializable {}
