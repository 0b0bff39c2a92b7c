package dev.glimpse.web.api;

import dev.glimpse.domain.document.SummaryReadStats;
import dev.glimpse.domain.metrics.ModelCallStats;
import dev.glimpse.domain.task.TaskStatus;
import java.util.Map;

/**
 * Task counts by status, how summary reads were served, the model calls made, and how task changes
 * travel ({@code postgresql} between nodes, or {@code local}).
 */
public record StatsView(
    Map<TaskStatus, Long> tasks,
    SummaryReadStats summaryCache,
    ModelCallStats modelCalls,
    String eventTransport) {}
