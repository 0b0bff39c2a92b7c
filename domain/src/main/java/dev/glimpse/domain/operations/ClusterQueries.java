package dev.glimpse.domain.operations;

import dev.glimpse.domain.backfill.BackfillStatus;
import dev.glimpse.domain.review.ReviewQueue;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.domain.usage.ModelUsageLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cluster's figures from the database in one transaction: aggregates only, each over an
 * index ({@code ai_task} by status and by kind and creation, {@code task_event} and {@code
 * model_usage} by time), so their cost does not grow with the archive.
 */
@ApplicationScoped
public class ClusterQueries {

  /** How far back a run reaches at most. */
  static final Duration LONGEST_RUN = Duration.ofHours(24);

  /** How far back the rate of a run is measured. */
  static final Duration RATE_WINDOW = Duration.ofMinutes(5);

  /** An attempt that ended: the task left PROCESSING for an end state. */
  private static final String FINISHED =
      "e.from_status = 'PROCESSING' AND e.to_status IN ('COMPLETED', 'FLAGGED', 'FAILED')";

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject ReviewQueue reviewQueue;

  @Inject ModelUsageLog usage;

  /** The figures as of {@code now}. */
  @Transactional(TxType.REQUIRES_NEW)
  public ClusterFigures read(Instant now) {
    return new ClusterFigures(
        now,
        tasks(),
        queue(),
        reviewQueue.size(),
        finished(now, ChronoUnit.MINUTES, 60),
        finished(now, ChronoUnit.HOURS, 24),
        latency(now.minus(Duration.ofHours(1))),
        failures(now.truncatedTo(ChronoUnit.MINUTES).minus(59, ChronoUnit.MINUTES)),
        usage.since(
            LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)),
        usage.since(
            LocalDate.ofInstant(now, ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)),
        runs(now),
        backfills(now),
        summaryReads(LocalDate.ofInstant(now, ZoneOffset.UTC)));
  }

  private SummaryReadsToday summaryReads(LocalDate day) {
    List<Object[]> row =
        rows(
            em.createNativeQuery(
                    "SELECT hits, stale_hits, misses FROM summary_read_day WHERE read_on = ?1")
                .setParameter(1, Date.valueOf(day)));
    return row.isEmpty()
        ? new SummaryReadsToday(0, 0, 0)
        : new SummaryReadsToday(
            number(row.get(0)[0]), number(row.get(0)[1]), number(row.get(0)[2]));
  }

  private Map<TaskKind, Map<TaskStatus, Long>> tasks() {
    Map<TaskKind, Map<TaskStatus, Long>> counts = new EnumMap<>(TaskKind.class);
    for (TaskKind kind : TaskKind.values()) {
      counts.put(kind, new EnumMap<>(TaskStatus.class));
    }
    for (Object[] row :
        rows(
            em.createNativeQuery(
                "SELECT kind, status, COUNT(*) FROM ai_task GROUP BY kind, status"))) {
      counts
          .get(TaskKind.valueOf((String) row[0]))
          .put(TaskStatus.valueOf((String) row[1]), number(row[2]));
    }
    return counts;
  }

  private Map<TaskPriority, Long> queue() {
    Map<TaskPriority, Long> lanes = new EnumMap<>(TaskPriority.class);
    for (TaskPriority lane : TaskPriority.values()) {
      lanes.put(lane, 0L);
    }
    for (Object[] row :
        rows(
            em.createNativeQuery(
                "SELECT priority, COUNT(*) FROM ai_task WHERE status = 'PENDING' GROUP BY priority"))) {
      lanes.put(TaskPriority.valueOf((String) row[0]), number(row[1]));
    }
    return lanes;
  }

  /**
   * Items finished per {@code unit} over the last {@code periods} of them, oldest first. The
   * database counts per minute and the periods are made here, so that an hour is a UTC hour
   * whatever the time zone the timestamps are kept in.
   */
  private List<Finished> finished(Instant now, ChronoUnit unit, int periods) {
    Instant current = now.truncatedTo(unit);
    Instant first = current.minus(periods - 1L, unit);
    Map<Instant, Long> counts = new HashMap<>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                    "SELECT DATE_TRUNC('minute', e.at), COUNT(*) FROM task_event e"
                        + " WHERE e.at >= ?1 AND "
                        + FINISHED
                        + " GROUP BY DATE_TRUNC('minute', e.at)")
                .setParameter(1, Timestamp.from(first)))) {
      counts.merge(instant(row[0]).truncatedTo(unit), number(row[1]), Long::sum);
    }
    List<Finished> series = new ArrayList<>(periods);
    for (Instant from = first; !from.isAfter(current); from = from.plus(1, unit)) {
      series.add(new Finished(from, counts.getOrDefault(from, 0L)));
    }
    return series;
  }

  private List<Latency> latency(Instant since) {
    return rows(
            em.createNativeQuery(
                    "SELECT provider, model, COUNT(*),"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY latency_millis),"
                        + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_millis)"
                        + " FROM model_usage WHERE at >= ?1 GROUP BY provider, model"
                        + " ORDER BY provider, model")
                .setParameter(1, Timestamp.from(since)))
        .stream()
        .map(
            row ->
                new Latency(
                    (String) row[0],
                    (String) row[1],
                    number(row[2]),
                    Math.round(((Number) row[3]).doubleValue()),
                    Math.round(((Number) row[4]).doubleValue())))
        .toList();
  }

  private List<Failures> failures(Instant since) {
    return rows(
            em.createNativeQuery(
                    "SELECT DATE_TRUNC('minute', at), error_kind, COUNT(*) FROM task_event"
                        + " WHERE at >= ?1 AND error_kind IS NOT NULL"
                        + " GROUP BY DATE_TRUNC('minute', at), error_kind"
                        + " ORDER BY 1, 2")
                .setParameter(1, Timestamp.from(since)))
        .stream()
        .map(row -> new Failures(instant(row[0]), (String) row[1], number(row[2])))
        .toList();
  }

  private List<Run> runs(Instant now) {
    List<Run> runs = new ArrayList<>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                "SELECT kind, MIN(created_at), COUNT(*) FROM ai_task"
                    + " WHERE status IN ('PENDING', 'PROCESSING') GROUP BY kind ORDER BY kind"))) {
      TaskKind kind = TaskKind.valueOf((String) row[0]);
      Instant since = backlogStart(kind, instant(row[1]), now);
      long remaining = number(row[2]);
      long total =
          number(
              em.createNativeQuery(
                      "SELECT COUNT(*) FROM ai_task WHERE kind = ?1 AND created_at >= ?2")
                  .setParameter(1, kind.name())
                  .setParameter(2, Timestamp.from(since))
                  .getSingleResult());
      runs.add(
          new Run(
              kind,
              since,
              Math.max(total - remaining, 0),
              Math.max(total, remaining),
              perMinute("t.kind = ?2", kind.name(), since, now)));
    }
    return runs;
  }

  /**
   * The backfills running or paused: done of the items each plans to hand over, at the rate its
   * items finished since it started, over at most the last {@link #RATE_WINDOW}.
   */
  private List<BackfillRun> backfills(Instant now) {
    List<BackfillRun> backfills = new ArrayList<>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                "SELECT b.id, b.kind, b.status, b.status_by, b.status_at, b.cap, b.planned,"
                    + " b.created_at, (SELECT COUNT(*) FROM ai_task t WHERE t.backfill_id = b.id"
                    + " AND t.status IN ('COMPLETED', 'FLAGGED', 'FAILED'))"
                    + " FROM backfill b WHERE b.status IN ('RUNNING', 'PAUSED')"
                    + " ORDER BY b.created_at, b.id"))) {
      String id = (String) row[0];
      Instant since = instant(row[7]);
      long done = number(row[8]);
      backfills.add(
          new BackfillRun(
              id,
              BackfillStatus.valueOf((String) row[2]),
              (String) row[3],
              instant(row[4]),
              row[5] == null ? null : (int) number(row[5]),
              new Run(
                  TaskKind.valueOf((String) row[1]),
                  since,
                  done,
                  Math.max(number(row[6]), done),
                  perMinute("t.backfill_id = ?2", id, since, now))));
    }
    return backfills;
  }

  /**
   * Items finished per minute by the tasks that {@code condition} (on {@code value}, as {@code ?2})
   * selects, since {@code since} but over at most the last {@link #RATE_WINDOW}.
   */
  private double perMinute(String condition, Object value, Instant since, Instant now) {
    Instant from = since.isAfter(now.minus(RATE_WINDOW)) ? since : now.minus(RATE_WINDOW);
    double minutes = Math.max(Duration.between(from, now).toMillis(), 1000) / 60_000.0;
    long finished =
        number(
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM task_event e JOIN ai_task t ON t.id = e.task_id"
                        + " WHERE e.at >= ?1 AND "
                        + condition
                        + " AND "
                        + FINISHED)
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, value)
                .getSingleResult());
    return finished / minutes;
  }

  /**
   * When the work of {@code kind} under way began: going back from the oldest task still waiting,
   * to the oldest task that finished since then, and so on, as long as the work never ran out, but
   * not further back than {@link #LONGEST_RUN}. A task requeued long after it was made stretches
   * the run back to that bound.
   */
  private Instant backlogStart(TaskKind kind, Instant oldestWaiting, Instant now) {
    Instant bound = now.minus(LONGEST_RUN);
    Instant since = oldestWaiting.isBefore(bound) ? bound : oldestWaiting;
    for (int step = 0; step < 10; step++) {
      Object earlier =
          em.createNativeQuery(
                  "SELECT MIN(t.created_at) FROM task_event e JOIN ai_task t ON t.id = e.task_id"
                      + " WHERE e.at >= ?1 AND t.kind = ?2 AND t.created_at < ?1 AND "
                      + FINISHED)
              .setParameter(1, Timestamp.from(since))
              .setParameter(2, kind.name())
              .getSingleResult();
      if (earlier == null) {
        return since;
      }
      Instant start = instant(earlier);
      since = start.isBefore(bound) ? bound : start;
      if (since.equals(bound)) {
        return since;
      }
    }
    return since;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return Timestamp.valueOf(local).toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
  }
}
