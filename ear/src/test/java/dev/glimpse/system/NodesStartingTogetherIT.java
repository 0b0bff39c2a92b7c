package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.schema.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Sixteen nodes start on one PostgreSQL database at the same moment, each running the schema
 * migration the server runs at deployment, with connections of its own: every node succeeds, and
 * each version is applied, or the database baselined, once. Each case is tried several times, since
 * a race shows only now and then: with Flyway's lock alone, nodes failed in about one round in two
 * on an empty database.
 */
class NodesStartingTogetherIT {

  private static final int NODES = 16;

  @Test
  void nodesStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce() throws Exception {
    for (int round = 0; round < 8; round++) {
      PGSimpleDataSource database = newDatabase("together_empty");

      List<Integer> executed = startTogether(database);

      assertThat(executed.stream().mapToInt(Integer::intValue).sum())
          .as("migrations all nodes ran together, round %d", round)
          .isEqualTo(versionsApplied(database))
          .isPositive();
      assertThat(history(database)).startsWith("1 SQL true").doesNotHaveDuplicates();
    }
  }

  @Test
  void nodesStartingTogetherOnADatabaseOfThePreviousReleaseBaselineItOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      PGSimpleDataSource database = newDatabase("together_previous");
      EntityTables.asTheReleaseBeforeMigrations(database.getDatabaseName());

      List<Integer> executed = startTogether(database);

      assertThat(history(database)).startsWith("1 BASELINE true").doesNotHaveDuplicates();
      assertThat(executed.stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(versionsApplied(database));
    }
  }

  /** Runs the migration on {@link #NODES} threads released at once; their counts of migrations. */
  private static List<Integer> startTogether(PGSimpleDataSource database) throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int node = 0; node < NODES; node++) {
        results.add(
            nodes.submit(
                () -> {
                  start.await();
                  return SchemaMigration.migrate(database).migrationsExecuted;
                }));
      }
      start.countDown();
      List<Integer> executed = new ArrayList<>();
      for (Future<Integer> result : results) {
        executed.add(result.get(60, TimeUnit.SECONDS));
      }
      return executed;
    } finally {
      nodes.shutdownNow();
    }
  }

  private static PGSimpleDataSource newDatabase(String name) {
    TestEnvironment.createDatabase(name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(TestEnvironment.jdbcUrl(name));
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    return dataSource;
  }

  /** Flyway's history of versions: version, type and success of each row, in order. */
  private static List<String> history(PGSimpleDataSource database) throws SQLException {
    try (Connection connection = database.getConnection()) {
      return FlywayHistory.of(connection);
    }
  }

  /** How many versions the history records as run (baselines aside). */
  private static int versionsApplied(PGSimpleDataSource database) throws SQLException {
    return (int) history(database).stream().filter(row -> row.contains(" SQL ")).count();
  }
}
