package dev.glimpse.domain.events;

import java.time.Instant;

/**
 * A task's move to a new status, as delivered to API clients and the console once its transaction
 * has committed.
 *
 * @param id the event id: its place in the event log, the same on every node (see {@link EventLog})
 * @param owner who owns the item, to whom alone it is streamed; never sent to clients
 */
public record TaskChange(
    long id,
    String taskId,
    String kind,
    String subjectType,
    String subjectId,
    String status,
    Instant at,
    String owner) {}
