package dev.glimpse.domain.task;

/** A task this node now holds: enough to do the work and to record its outcome under the lease. */
public record ClaimedTask(
    String taskId, TaskKind kind, String subjectId, int attempt, String leaseOwner, String owner) {}
