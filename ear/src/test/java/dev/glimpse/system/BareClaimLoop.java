package dev.glimpse.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reference for the engine's own ceiling: threads claiming rows of a copy of the task table
 * with the engine's {@code FOR UPDATE SKIP LOCKED} query and marking each done in a second
 * transaction, on the same PostgreSQL, with nothing else per task.
 */
final class BareClaimLoop {

  private static final String TABLE = "bench_claim";

  private BareClaimLoop() {}

  /** Claims and completes {@code tasks} rows with {@code threads} threads; tasks per second. */
  static double tasksPerSecond(int tasks, int threads) throws Exception {
    try (Connection connection = PipelineRun.database();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TABLE);
      statement.execute("CREATE TABLE " + TABLE + " (LIKE ai_task INCLUDING ALL)");
      statement.execute(
          "INSERT INTO "
              + TABLE
              + " (id, attempts, created_at, kind, max_attempts, next_attempt_at, owner, priority,"
              + " priority_rank, status, subject_id, updated_at, version)"
              + " SELECT gen_random_uuid()::text, 0, now(), 'DESCRIBE_IMAGE', 3, now(), 'bench',"
              + " 'NORMAL', 1, 'PENDING', gen_random_uuid()::text, now(), 0"
              + " FROM generate_series(1, "
              + tasks
              + ")");
      statement.execute("ANALYZE " + TABLE);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      List<Future<Integer>> workers = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        String holder = "bench#" + thread;
        workers.add(pool.submit(() -> claimUntilNoneLeft(holder)));
      }
      int done = 0;
      for (Future<Integer> worker : workers) {
        done += worker.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (done != tasks) {
        throw new AssertionError("the bare loop completed " + done + " of " + tasks + " rows");
      }
      return tasks / seconds;
    } finally {
      pool.shutdownNow();
      try (Connection connection = PipelineRun.database();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE " + TABLE);
      }
    }
  }

  private static int claimUntilNoneLeft(String holder) throws SQLException {
    int done = 0;
    try (Connection connection = PipelineRun.database();
        PreparedStatement claim =
            connection.prepareStatement(
                "SELECT id FROM "
                    + TABLE
                    + " WHERE status = 'PENDING' AND kind = 'DESCRIBE_IMAGE'"
                    + " AND next_attempt_at <= now()"
                    + " ORDER BY priority_rank, next_attempt_at, created_at"
                    + " LIMIT 1 FOR UPDATE SKIP LOCKED");
        PreparedStatement lease =
            connection.prepareStatement(
                "UPDATE "
                    + TABLE
                    + " SET status = 'PROCESSING', lease_owner = ?,"
                    + " lease_until = now() + interval '1 minute', attempts = attempts + 1,"
                    + " updated_at = now(), version = version + 1 WHERE id = ?");
        PreparedStatement complete =
            connection.prepareStatement(
                "UPDATE "
                    + TABLE
                    + " SET status = 'COMPLETED', lease_owner = NULL, lease_until = NULL,"
                    + " updated_at = now(), version = version + 1 WHERE id = ?")) {
      connection.setAutoCommit(false);
      while (true) {
        String id;
        try (ResultSet next = claim.executeQuery()) {
          if (!next.next()) {
            connection.commit();
            return done;
          }
          id = next.getString(1);
        }
        lease.setString(1, holder);
        lease.setString(2, id);
        lease.executeUpdate();
        connection.commit();
        complete.setString(1, id);
        complete.executeUpdate();
        connection.commit();
        done++;
      }
    }
  }
}
