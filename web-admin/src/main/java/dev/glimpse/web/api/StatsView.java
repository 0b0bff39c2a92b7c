package dev.glimpse.web.api;

import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.infrastructure.metrics.ModelCallStats;
import dev.glimpse.infrastructure.metrics.SummaryReadStats;
import java.util.Map;

/**
 * The caller's task counts by status, the cluster's pace ({@link ClusterStatsView}), how summary
 * reads were served, the model calls made, how task changes travel ({@code postgresql} between
 * nodes, or {@code local}), the event subscribers on the node and how many of them it dropped
 * because they stopped taking changes.
 */
public record StatsView(
    Map<TaskStatus, Long> tasks,
    ClusterStatsView cluster,
    SummaryReadStats summaryCache,
    ModelCallStats modelCalls,
    String eventTransport,
    int eventSubscribers,
    long eventSubscribersDropped) {}
