package dev.glimpse.web.api;

import dev.glimpse.domain.document.SummaryReadStats;
import dev.glimpse.domain.metrics.ModelCallStats;
import dev.glimpse.domain.task.TaskStatus;
import java.util.Map;

/** Task counts by status, how summary reads were served, and the model calls made. */
public record StatsView(
    Map<TaskStatus, Long> tasks, SummaryReadStats summaryCache, ModelCallStats modelCalls) {}
