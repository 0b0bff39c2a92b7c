package dev.glimpse.domain.task;

/** A change of the task {@code taskId} was written to the event log (CDI event). */
public record EventLogWritten(String taskId) {}
