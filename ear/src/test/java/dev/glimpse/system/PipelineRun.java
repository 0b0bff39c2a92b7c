package dev.glimpse.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Images through the whole pipeline with the work queued before the clock starts: the provider is
 * paused while the images are uploaded, then resumed; the clock runs from the first claim to the
 * last completion, as the task events recorded them.
 */
final class PipelineRun {

  /** How long a node may act on a provider state it read (ProviderGate.FRESH_FOR), and a margin. */
  private static final Duration GATE_REFRESH = Duration.ofMillis(2500);

  private static final int UPLOADERS = 4;

  /**
   * What a run measured: images done, seconds from the first claim to the last completion, and the
   * model's counts.
   */
  record Result(int images, double seconds, int visionCalls, int duplicateCalls, double slotWait) {

    double perSecond() {
      return images / seconds;
    }
  }

  private PipelineRun() {}

  /**
   * Uploads {@code count} images made by {@code image} through {@code api} while the provider is
   * paused, then lets {@code model} answer each after {@code latency} with {@code slots} at once.
   */
  static Result run(
      GlimpseClient api,
      IntFunction<byte[]> image,
      int count,
      BenchModel model,
      Duration latency,
      int slots,
      Duration patience)
      throws Exception {
    execute(
        "INSERT INTO provider_control (provider, changed_at, changed_by, paused_at, paused_by,"
            + " version) VALUES ('ollama', now(), 'bench', now(), 'bench', 0)");
    List<String> ids;
    try {
      pause(GATE_REFRESH);
      ids = upload(api, image, count);
      model.serve(latency, slots);
    } finally {
      execute("DELETE FROM provider_control WHERE provider = 'ollama'");
    }
    awaitDone(ids, patience);
    return new Result(
        count,
        firstClaimToLastCompletion(ids),
        model.visionCalls(),
        model.duplicateVisionCalls(),
        model.meanSlotWaitMillis());
  }

  private static List<String> upload(GlimpseClient api, IntFunction<byte[]> image, int count)
      throws Exception {
    ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
    try {
      List<Future<String>> uploads = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        uploads.add(
            uploaders.submit(
                () -> {
                  GlimpseClient.Answer answer =
                      api.uploadImage(
                          "pipeline-" + index + ".png", image.apply(index), "image/png");
                  if (answer.status() != 202) {
                    throw new AssertionError("an upload answered " + answer.status());
                  }
                  return answer.body().path("id").asText();
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> upload : uploads) {
        ids.add(upload.get());
      }
      return ids;
    } finally {
      uploaders.shutdownNow();
    }
  }

  private static void awaitDone(List<String> ids, Duration patience) throws SQLException {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      long[] counts = finished(ids);
      if (counts[1] > 0) {
        throw new AssertionError(counts[1] + " of the pipeline's tasks failed");
      }
      if (counts[0] == ids.size()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            counts[0] + " of " + ids.size() + " images were described after " + patience);
      }
      pause(Duration.ofMillis(250));
    }
  }

  /** Of the tasks of {@code ids}: how many are done (COMPLETED or FLAGGED), and how many FAILED. */
  private static long[] finished(List<String> ids) throws SQLException {
    try (Connection connection = database();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*) FILTER (WHERE status IN ('COMPLETED', 'FLAGGED')),"
                    + " COUNT(*) FILTER (WHERE status = 'FAILED')"
                    + " FROM ai_task WHERE subject_id = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return new long[] {result.getLong(1), result.getLong(2)};
      }
    }
  }

  private static double firstClaimToLastCompletion(List<String> ids) throws SQLException {
    try (Connection connection = database();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT EXTRACT(EPOCH FROM"
                    + " MAX(e.at) FILTER (WHERE e.to_status IN ('COMPLETED', 'FLAGGED'))"
                    + " - MIN(e.at) FILTER (WHERE e.to_status = 'PROCESSING'))"
                    + " FROM task_event e JOIN ai_task t ON t.id = e.task_id"
                    + " WHERE t.subject_id = ANY (?)")) {
      Array subjects = connection.createArrayOf("varchar", ids.toArray());
      query.setArray(1, subjects);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getDouble(1);
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
