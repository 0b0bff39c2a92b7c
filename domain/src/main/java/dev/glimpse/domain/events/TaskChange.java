package dev.glimpse.domain.events;

import java.time.Instant;

/**
 * A task's move to a new status, as pushed to API clients and the console once its transaction has
 * committed.
 *
 * @param id the id of the audit-trail entry behind it, unique in the cluster and the event id of
 *     the stream
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
