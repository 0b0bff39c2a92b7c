package dev.glimpse.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.review.ReviewQueue;
import dev.glimpse.domain.support.H2PersistenceUnit;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.domain.usage.ModelUsageLog;
import dev.glimpse.domain.usage.UsageLogs;
import dev.glimpse.domain.usage.UsageRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster's figures read from a database (H2, as {@code ./glimpse run} has it). */
class ClusterQueriesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:30:20Z");

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final ClusterQueries queries = new ClusterQueries();
  private long eventIds;

  ClusterQueriesTest() {
    queries.em = em;
    queries.usage = UsageLogs.on(em, Clock.fixed(NOW, ZoneOffset.UTC));
    queries.reviewQueue =
        new ReviewQueue() {
          @Override
          public long size() {
            return 7;
          }
        };
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void countsTasksByKindStatusAndLane() {
    task(TaskPriority.HIGH, NOW.minusSeconds(30), task -> {});
    task(TaskPriority.LOW, NOW.minusSeconds(30), task -> {});
    task(TaskPriority.LOW, NOW.minusSeconds(30), task -> {});
    task(TaskPriority.HIGH, NOW.minusSeconds(30), this::complete);

    ClusterFigures figures = read();

    assertThat(figures.tasks().get(TaskKind.DESCRIBE_IMAGE))
        .containsEntry(TaskStatus.PENDING, 3L)
        .containsEntry(TaskStatus.COMPLETED, 1L);
    assertThat(figures.count(TaskStatus.PENDING)).isEqualTo(3);
    assertThat(figures.awaitingReview()).isEqualTo(7);
    assertThat(figures.queue()).isEqualTo(Map.of(TaskPriority.HIGH, 1L, TaskPriority.LOW, 2L));
  }

  @Test
  void countsItemsFinishedPerMinuteAndPerHourWithEmptyPeriodsIncluded() {
    task(TaskPriority.HIGH, NOW.minus(Duration.ofMinutes(2)), this::complete);
    task(TaskPriority.HIGH, NOW.minus(Duration.ofMinutes(2)), this::flag);
    task(TaskPriority.HIGH, NOW.minusSeconds(5), this::complete);
    task(TaskPriority.HIGH, NOW.minus(Duration.ofHours(3)), this::complete);

    ClusterFigures figures = read();

    assertThat(figures.lastHour()).hasSize(60);
    assertThat(figures.lastHour().get(59))
        .isEqualTo(new Finished(Instant.parse("2026-11-30T10:30:00Z"), 1));
    assertThat(figures.lastHour().get(57))
        .isEqualTo(new Finished(Instant.parse("2026-11-30T10:28:00Z"), 2));
    assertThat(figures.lastHour().stream().mapToLong(Finished::items).sum()).isEqualTo(3);
    assertThat(figures.lastDay()).hasSize(24);
    assertThat(figures.lastDay().get(23))
        .isEqualTo(new Finished(Instant.parse("2026-11-30T10:00:00Z"), 3));
    assertThat(figures.lastDay().get(20))
        .isEqualTo(new Finished(Instant.parse("2026-11-30T07:00:00Z"), 1));
  }

  @Test
  void countsFailedAttemptsPerMinuteByErrorKind() {
    task(TaskPriority.HIGH, NOW.minusSeconds(40), task -> retry(task, "transient"));
    task(TaskPriority.HIGH, NOW.minusSeconds(40), task -> retry(task, "transient"));
    task(
        TaskPriority.HIGH,
        NOW.minusSeconds(40),
        task -> task.endAttempt(TaskStatus.FAILED, "permanent"));

    ClusterFigures figures = read();

    Instant minute = Instant.parse("2026-11-30T10:29:00Z");
    assertThat(figures.failures())
        .containsExactly(
            new Failures(minute, "permanent", 1), new Failures(minute, "transient", 2));
  }

  @Test
  void addsUpSpendAndLatencyFromTheUsageOfModelCalls() {
    ModelUsageLog lastMinute = UsageLogs.on(em, Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC));
    for (int latency : new int[] {100, 200, 300, 400, 1000}) {
      inTransaction(() -> lastMinute.record(usage(latency, new BigDecimal("0.002"))));
    }
    ModelUsageLog earlier =
        UsageLogs.on(em, Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneOffset.UTC));
    inTransaction(() -> earlier.record(usage(50, null)));

    ClusterFigures figures = read();

    assertThat(figures.today().calls()).isEqualTo(5);
    assertThat(figures.today().tokens()).isEqualTo(5 * 700);
    assertThat(figures.today().costUsd()).isEqualByComparingTo("0.010");
    assertThat(figures.today().unpricedCalls()).isZero();
    assertThat(figures.month().calls()).isEqualTo(6);
    assertThat(figures.month().unpricedCalls()).isEqualTo(1);
    assertThat(figures.latency()).containsExactly(new Latency("ollama", "llava:7b", 5, 300, 880));
  }

  @Test
  void aRunCountsTheTasksSinceTheOldestOutstandingOneAndEstimatesFromTheRecentRate() {
    for (int i = 0; i < 6; i++) {
      task(TaskPriority.HIGH, NOW.minus(Duration.ofMinutes(3)), this::complete);
    }
    for (int i = 0; i < 4; i++) {
      task(TaskPriority.HIGH, NOW.minus(Duration.ofMinutes(3)), task -> {});
    }
    task(TaskPriority.HIGH, NOW.minus(Duration.ofMinutes(30)), this::complete);

    Run run = read().runs().get(0);

    assertThat(run.kind()).isEqualTo(TaskKind.DESCRIBE_IMAGE);
    assertThat(run.total()).isEqualTo(10);
    assertThat(run.done()).isEqualTo(6);
    assertThat(run.percent()).isEqualTo(60);
    assertThat(run.perMinute()).isEqualTo(2.0);
    assertThat(run.eta()).contains(Duration.ofMinutes(2));
  }

  @Test
  void aRunReachesBackToTheFirstTaskOfTheBacklogThoughItsFirstTasksAreDone() {
    Instant start = NOW.minus(Duration.ofMinutes(3));
    for (int i = 0; i < 10; i++) {
      Instant created = start.plusSeconds(i);
      if (i < 6) {
        task(TaskPriority.HIGH, created, NOW.minus(Duration.ofMinutes(1)), this::complete);
      } else {
        task(TaskPriority.HIGH, created, created, task -> {});
      }
    }
    task(
        TaskPriority.HIGH,
        start.minus(Duration.ofHours(2)),
        start.minus(Duration.ofHours(2)),
        this::complete);

    Run run = read().runs().get(0);

    assertThat(run.since()).isEqualTo(start);
    assertThat(run.total()).isEqualTo(10);
    assertThat(run.done()).isEqualTo(6);
  }

  @Test
  void summaryReadsAreTodaysOfEveryNode() {
    inTransaction(
        () ->
            em.createNativeQuery(
                    "INSERT INTO summary_read_day (read_on, hits, stale_hits, misses) VALUES"
                        + " (DATE '2026-11-30', 6, 1, 1), (DATE '2026-11-29', 50, 0, 0)")
                .executeUpdate());

    SummaryReadsToday reads = read().summaryReads();

    assertThat(reads).isEqualTo(new SummaryReadsToday(6, 1, 1));
    assertThat(reads.hitRate()).isEqualTo(0.75);
  }

  @Test
  void aRunWithNothingFinishedYetHasNoEstimate() {
    task(TaskPriority.LOW, NOW.minusSeconds(10), task -> {});

    Run run = read().runs().get(0);

    assertThat(run.done()).isZero();
    assertThat(run.eta()).isEmpty();
  }

  private ClusterFigures read() {
    em.clear();
    return queries.read(NOW);
  }

  /**
   * A task created at {@code created} in {@code lane}, which {@code history} then takes through its
   * attempts a second later: rows as the task engine writes them.
   */
  private void task(TaskPriority lane, Instant created, Consumer<TaskRows> history) {
    task(lane, created, created.plusSeconds(1), history);
  }

  /** A task created at {@code created}, whose attempts {@code history} makes at {@code at}. */
  private void task(TaskPriority lane, Instant created, Instant at, Consumer<TaskRows> history) {
    inTransaction(
        () -> {
          TaskRows task = new TaskRows(UUID.randomUUID().toString(), at);
          task.event(null, TaskStatus.PENDING, null);
          history.accept(task);
          em.createNativeQuery(
                  "INSERT INTO ai_task (id, attempts, created_at, kind, max_attempts,"
                      + " next_attempt_at, owner, priority, priority_rank, status, subject_id,"
                      + " updated_at, version) VALUES (?1, 1, ?2, 'DESCRIBE_IMAGE', 3, ?2,"
                      + " 'bootstrap', ?3, ?4, ?5, ?6, ?2, 1)")
              .setParameter(1, task.id)
              .setParameter(2, Timestamp.from(created))
              .setParameter(3, lane.name())
              .setParameter(4, lane.rank())
              .setParameter(5, task.status.name())
              .setParameter(6, UUID.randomUUID().toString())
              .executeUpdate();
          for (Object[] event : task.events) {
            em.createNativeQuery(
                    "INSERT INTO task_event (id, actor, at, from_status, step, to_status, task_id,"
                        + " error_kind) VALUES (?1, 'job', ?2, ?3, 'step', ?4, ?5, ?6)")
                .setParameter(1, ++eventIds)
                .setParameter(2, Timestamp.from(task.at))
                .setParameter(3, event[0])
                .setParameter(4, event[1])
                .setParameter(5, task.id)
                .setParameter(6, event[2])
                .executeUpdate();
          }
        });
  }

  /** A task's row and audit trail as the test makes them. */
  private static final class TaskRows {

    private final String id;
    private final Instant at;
    private final List<Object[]> events = new ArrayList<>();
    private TaskStatus status;

    TaskRows(String id, Instant at) {
      this.id = id;
      this.at = at;
    }

    void event(TaskStatus from, TaskStatus to, String errorKind) {
      events.add(new Object[] {from == null ? null : from.name(), to.name(), errorKind});
      status = to;
    }

    void endAttempt(TaskStatus to, String errorKind) {
      event(TaskStatus.PENDING, TaskStatus.PROCESSING, null);
      event(TaskStatus.PROCESSING, to, errorKind);
    }
  }

  private void complete(TaskRows task) {
    task.endAttempt(TaskStatus.COMPLETED, null);
  }

  private void flag(TaskRows task) {
    task.endAttempt(TaskStatus.FLAGGED, null);
  }

  private void retry(TaskRows task, String kind) {
    task.endAttempt(TaskStatus.PENDING, kind);
  }

  private static UsageRecord usage(long latency, BigDecimal cost) {
    return new UsageRecord(
        UUID.randomUUID().toString(),
        "DESCRIBE_IMAGE",
        "bootstrap",
        "ollama",
        "llava:7b",
        1,
        latency,
        600,
        100,
        cost,
        "answered");
  }

  private void inTransaction(Runnable work) {
    em.getTransaction().begin();
    work.run();
    em.getTransaction().commit();
  }
}
