package dev.glimpse.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.infrastructure.metrics.ModelCallStats;
import dev.glimpse.infrastructure.metrics.SummaryReadStats;
import java.util.Map;

/**
 * The caller's task counts by status, the cluster's pace ({@link ClusterStatsView}), how summary
 * reads were served, the model calls made, how task changes travel ({@code postgresql} between
 * nodes, or {@code local}), the event subscribers on the node and how many of them it dropped
 * because they stopped taking changes. A client that is not an admin gets its tasks only; the rest
 * tells of every client's work.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsView(
    Map<TaskStatus, Long> tasks,
    ClusterStatsView cluster,
    SummaryReadStats summaryCache,
    ModelCallStats modelCalls,
    String eventTransport,
    Integer eventSubscribers,
    Long eventSubscribersDropped) {

  /** What a client that is not an admin sees: its own tasks only. */
  static StatsView ofClient(Map<TaskStatus, Long> tasks) {
    return new StatsView(tasks, null, null, null, null, null, null);
  }
}
