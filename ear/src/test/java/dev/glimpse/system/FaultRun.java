package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run of distinct image uploads to one node, and the checks every row of the fault matrix ends
 * with, read from the node's database: no task lost (every image COMPLETED), none left PROCESSING,
 * no outcome recorded twice, and the node healthy.
 */
final class FaultRun {

  private final GlimpseClient api;
  private final String database;
  private final String name;
  private final List<String> imageIds = new ArrayList<>();

  private FaultRun(GlimpseClient api, String database, String name) {
    this.api = api;
    this.database = database;
    this.name = name;
  }

  /** Uploads {@code size} images that the stub model can tell apart through {@code api}. */
  static FaultRun upload(GlimpseClient api, String database, int size) {
    FaultRun run = new FaultRun(api, database, "fault-" + UUID.randomUUID());
    for (int i = 0; i < size; i++) {
      GlimpseClient.Answer answer =
          api.uploadImage(run.name + "-" + i + ".png", TestImages.distinctPng(i), "image/png");
      assertThat(answer.status()).as("upload %d of the run", i).isEqualTo(202);
      run.imageIds.add(answer.body().path("id").asText());
    }
    return run;
  }

  int size() {
    return imageIds.size();
  }

  /** Whether {@code event} is a change of one of the run's images. */
  boolean concerns(EventStream.Event event) {
    return imageIds.contains(event.data().path("subjectId").asText());
  }

  /** Whether {@code events} hold a COMPLETED change of every image of the run. */
  boolean allCompletedIn(List<EventStream.Event> events) {
    return events.stream()
            .filter(event -> "COMPLETED".equals(event.data().path("status").asText()))
            .map(event -> event.data().path("subjectId").asText())
            .filter(imageIds::contains)
            .distinct()
            .count()
        == imageIds.size();
  }

  /** The ids of the changes of the run's images among {@code events}, in the order they came. */
  List<Long> idsIn(List<EventStream.Event> events) {
    return events.stream().filter(this::concerns).map(event -> Long.parseLong(event.id())).toList();
  }

  /** Waits until every image of the run is described. */
  void awaitCompleted(Duration patience) {
    api.await(
        "api/v1/images?status=COMPLETED&size=1&q=" + name,
        page -> page.path("total").asInt() == imageIds.size(),
        patience);
  }

  /** The ids of the run's tasks that are PROCESSING under a lease of {@code node}. */
  List<String> heldBy(String node) {
    return query(
        "SELECT id FROM ai_task WHERE subject_id = ANY(?) AND status = 'PROCESSING'"
            + " AND lease_owner LIKE ?",
        node + "/%");
  }

  /** The model calls the run's tasks made, as the cluster's usage log has them. */
  int modelCalls() {
    return Integer.parseInt(
        query(
                "SELECT COALESCE(SUM(calls), 0) FROM model_usage WHERE task_id IN"
                    + " (SELECT id FROM ai_task WHERE subject_id = ANY(?))")
            .get(0));
  }

  /** The attempts counted on the run's tasks, all together. */
  int attemptsCounted() {
    return Integer.parseInt(
        query("SELECT COALESCE(SUM(attempts), 0) FROM ai_task WHERE subject_id = ANY(?)").get(0));
  }

  /**
   * Why each of the run's tasks that the API shows waits, by image id (tasks not waiting left out).
   */
  Map<String, String> heldBack() {
    Map<String, String> reasons = new HashMap<>();
    for (String taskId : query("SELECT id FROM ai_task WHERE subject_id = ANY(?)")) {
      GlimpseClient.Answer answer = api.get("api/v1/tasks/" + taskId);
      assertThat(answer.status()).as("task %s", taskId).isEqualTo(200);
      JsonNode task = answer.body();
      if (!task.path("heldBack").isNull() && !task.path("heldBack").isMissingNode()) {
        reasons.put(task.path("subjectId").asText(), task.path("heldBack").asText());
      }
    }
    return reasons;
  }

  /** How many of the run's tasks are in each status. */
  Map<String, Integer> statuses() {
    Map<String, Integer> statuses = new HashMap<>();
    for (String row :
        query(
            "SELECT status || ' ' || count(*) FROM ai_task WHERE subject_id = ANY(?) GROUP BY status")) {
      String[] parts = row.split(" ");
      statuses.put(parts[0], Integer.parseInt(parts[1]));
    }
    return statuses;
  }

  /** The run's tasks whose audit trail does not hold exactly one {@code completed} step. */
  List<String> notCompletedOnce() {
    return query(
        "SELECT t.id FROM ai_task t LEFT JOIN task_event e ON e.task_id = t.id AND e.step = 'completed'"
            + " WHERE t.subject_id = ANY(?) GROUP BY t.id HAVING count(e.id) <> 1");
  }

  /**
   * The seconds from {@code sinceEpochMillis} until the task's audit trail next recorded {@code
   * step} (such as {@code lease-expired} or {@code claimed}), or -1.
   */
  double secondsUntil(String step, String taskId, long sinceEpochMillis) {
    List<String> found =
        query(
            "SELECT extract(epoch FROM min(at)) FROM task_event WHERE task_id = ? AND step = ?"
                + " AND at > to_timestamp(? / 1000.0)",
            taskId,
            step,
            sinceEpochMillis);
    return found.isEmpty() || found.get(0) == null
        ? -1
        : Double.parseDouble(found.get(0)) - sinceEpochMillis / 1000.0;
  }

  /**
   * The checks every row ends with: every image COMPLETED, each task completed exactly once, the
   * node ready.
   */
  void assertSound() {
    assertThat(statuses()).as("tasks by status").isEqualTo(Map.of("COMPLETED", imageIds.size()));
    assertThat(notCompletedOnce()).as("tasks not completed exactly once").isEmpty();
    assertThat(api.get("health/ready").status()).as("the node is ready").isEqualTo(200);
  }

  private List<String> query(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(TestEnvironment.jdbcUrl(database), "postgres", "postgres");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (sql.contains("ANY(?)")) {
        Array ids = connection.createArrayOf("varchar", imageIds.toArray());
        statement.setArray(index++, ids);
      }
      for (Object parameter : parameters) {
        statement.setObject(index++, parameter);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("the run's database cannot be read: " + e.getMessage(), e);
    }
  }
}
