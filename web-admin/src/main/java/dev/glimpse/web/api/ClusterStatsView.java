package dev.glimpse.web.api;

import dev.glimpse.domain.operations.BackfillRun;
import dev.glimpse.domain.operations.ClusterFigures;
import dev.glimpse.domain.operations.Finished;
import dev.glimpse.domain.operations.Run;
import dev.glimpse.domain.task.TaskPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole cluster's pace, as the console's dashboard shows it: items finished (COMPLETED, FLAGGED
 * or FAILED after an attempt) per minute over the last hour and per hour over the last day, UTC
 * periods oldest first; tasks waiting per lane; the runs under way with their estimates, and the
 * backfills running or paused.
 */
public record ClusterStatsView(
    Instant at,
    List<Finished> finishedLastHour,
    List<Finished> finishedLastDay,
    Map<TaskPriority, Long> waiting,
    List<RunView> runs,
    List<BackfillRunView> backfills) {

  /**
   * Work of one kind under way since {@code since}: done of total, items finished per minute
   * recently, and the seconds the rest takes at that rate (null until items finish).
   */
  public record RunView(
      String kind, Instant since, long done, long total, double perMinute, Long etaSeconds) {

    static RunView of(Run run) {
      return new RunView(
          run.kind().name(),
          run.since(),
          run.done(),
          run.total(),
          run.perMinute(),
          run.eta().map(Duration::toSeconds).orElse(null));
    }
  }

  /** A backfill running or paused: its run figures as for a batch run. */
  public record BackfillRunView(String id, String status, RunView run) {

    static BackfillRunView of(BackfillRun backfill) {
      return new BackfillRunView(
          backfill.id(), backfill.status().name(), RunView.of(backfill.run()));
    }
  }

  static ClusterStatsView of(ClusterFigures figures) {
    return new ClusterStatsView(
        figures.at(),
        figures.lastHour(),
        figures.lastDay(),
        figures.queue(),
        figures.runs().stream().map(RunView::of).toList(),
        figures.backfills().stream().map(BackfillRunView::of).toList());
  }
}
