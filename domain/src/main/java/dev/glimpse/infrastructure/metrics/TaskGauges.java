package dev.glimpse.infrastructure.metrics;

import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.domain.task.TaskStatus;
import io.micrometer.core.instrument.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Gauges of the task table, {@code glimpse_tasks{status=…}}: counts for the whole cluster, read
 * with one query at most once a second however often they are scraped.
 */
@ApplicationScoped
public class TaskGauges {

  private static final Duration FRESHNESS = Duration.ofSeconds(1);

  @Inject Metrics metrics;

  @Inject TaskReads tasks;

  Clock clock = Clock.systemUTC();

  private Map<TaskStatus, Long> counts = Map.of();
  private Instant countedAt = Instant.MIN;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (TaskStatus status : TaskStatus.values()) {
      Gauge.builder("glimpse.tasks", this, gauges -> gauges.count(status))
          .description("Tasks by status")
          .tag("status", status.name())
          .register(metrics.registry());
    }
  }

  /** How many tasks are in each status now, at most a second old. */
  private synchronized Map<TaskStatus, Long> counts() {
    Instant now = clock.instant();
    if (countedAt.plus(FRESHNESS).isBefore(now)) {
      counts = tasks.countByStatus(null);
      countedAt = now;
    }
    return counts;
  }

  private double count(TaskStatus status) {
    return counts().getOrDefault(status, 0L);
  }
}
