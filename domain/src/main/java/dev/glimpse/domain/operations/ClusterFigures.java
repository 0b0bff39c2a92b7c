package dev.glimpse.domain.operations;

import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.domain.usage.Spend;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole cluster's work at one moment, read from the database, so every node shows the same.
 *
 * @param tasks tasks by kind and status
 * @param queue PENDING tasks by lane
 * @param awaitingReview items waiting for a person
 * @param lastHour items finished (COMPLETED, FLAGGED or FAILED after an attempt) per minute over
 *     the last hour, oldest first, a minute without any included
 * @param lastDay the same per hour over the last day
 * @param latency model latency per provider and model over the last hour
 * @param failures attempts that ended in failure per minute and error kind over the last hour
 * @param today what model calls cost since midnight (UTC)
 * @param month what model calls cost since the first of the month (UTC)
 * @param runs the work under way, one per kind with tasks waiting or in progress
 * @param backfills the backfills running or paused, oldest first
 * @param summaryReads how summary reads were served today, every node together
 */
public record ClusterFigures(
    Instant at,
    Map<TaskKind, Map<TaskStatus, Long>> tasks,
    Map<TaskPriority, Long> queue,
    long awaitingReview,
    List<Finished> lastHour,
    List<Finished> lastDay,
    List<Latency> latency,
    List<Failures> failures,
    Spend today,
    Spend month,
    List<Run> runs,
    List<BackfillRun> backfills,
    SummaryReadsToday summaryReads) {

  /** How many tasks are in {@code status}, every kind together. */
  public long count(TaskStatus status) {
    return tasks.values().stream().mapToLong(byStatus -> byStatus.getOrDefault(status, 0L)).sum();
  }
}
