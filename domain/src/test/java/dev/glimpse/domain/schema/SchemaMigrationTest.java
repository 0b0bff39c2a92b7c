package dev.glimpse.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The schema migration on H2, the database of {@code ./glimpse run}. */
class SchemaMigrationTest {

  /**
   * Tables that migrations after the baseline add, which the release before migrations did not
   * have: the database it made lacks them.
   */
  private static final List<String> LATER_TABLES =
      List.of(
          "summary_part",
          "event_log",
          "event_log_counter",
          "model_usage",
          "provider_control",
          "client_quota",
          "summary_read_day",
          "backfill",
          "api_client_key",
          "api_client",
          "console_user",
          "sign_in_failure");

  private final JdbcDataSource database = newDatabase();

  @Test
  void aNewDatabaseGetsEveryMigration() throws SQLException {
    MigrateResult result = SchemaMigration.migrate(database);

    assertThat(result.migrationsExecuted).isEqualTo(MigrationScripts.NAMES.size());
    assertThat(history())
        .hasSize(MigrationScripts.NAMES.size())
        .first()
        .isEqualTo("1 SQL baseline true");
    assertThat(count("ai_task")).isZero();
  }

  @Test
  void aNewDatabaseThatHoldsOnlyTheJobRepositoryGetsEveryMigration() throws SQLException {
    execute("CREATE TABLE job_instance (jobinstanceid BIGINT PRIMARY KEY, jobname VARCHAR(512))");

    SchemaMigration.migrate(database);

    assertThat(history())
        .hasSize(MigrationScripts.NAMES.size() + 1)
        .startsWith("0 BASELINE no Glimpse tables yet true", "1 SQL baseline true");
    assertThat(count("task_event")).isZero();
  }

  @Test
  void aDatabaseOfTheReleaseBeforeMigrationsIsBaselinedAtOneAndKeepsItsRows() throws SQLException {
    EclipseLinkTables.createOrExtend(database.getURL(), "sa", "sa");
    for (String table : LATER_TABLES) {
      execute("DROP TABLE " + table);
    }
    execute("DROP SEQUENCE event_log_seq");
    execute("DROP INDEX ix_task_event_at");
    execute("DROP INDEX ix_ai_task_created");
    execute("ALTER TABLE task_event DROP COLUMN error_kind");
    execute("DROP INDEX ix_ai_task_backfill");
    execute("ALTER TABLE ai_task DROP COLUMN backfill_id");
    execute("ALTER TABLE image_asset DROP COLUMN proposed_provider");
    execute("ALTER TABLE image_asset DROP COLUMN proposed_model");
    execute("ALTER TABLE image_asset DROP COLUMN proposed_prompt_version");
    execute("ALTER TABLE image_asset DROP COLUMN proposed_input_hash");
    execute("ALTER TABLE image_asset DROP COLUMN proposed_by_task");
    execute("ALTER TABLE image_label DROP CONSTRAINT FK_image_label_image_id");
    execute("DROP INDEX ix_image_label_image");
    execute(
        "ALTER TABLE image_label ADD CONSTRAINT FK_image_label_image_id FOREIGN KEY (image_id)"
            + " REFERENCES image_asset (id)");
    execute("ALTER TABLE document_key_point DROP CONSTRAINT FK_document_key_point_document_id");
    execute("DROP INDEX ix_document_key_point_document");
    execute(
        "ALTER TABLE document_key_point ADD CONSTRAINT FK_document_key_point_document_id"
            + " FOREIGN KEY (document_id) REFERENCES document_summary (document_id)");
    execute(
        "INSERT INTO ai_task (id, attempts, created_at, kind, max_attempts, next_attempt_at, owner,"
            + " priority, priority_rank, status, subject_id, updated_at, version) VALUES ('t1', 1,"
            + " CURRENT_TIMESTAMP, 'DESCRIBE_IMAGE', 5, CURRENT_TIMESTAMP, 'bootstrap', 'HIGH', 0,"
            + " 'COMPLETED', 'i1', CURRENT_TIMESTAMP, 3)");
    execute(
        "INSERT INTO task_event (id, actor, at, step, to_status, task_id) VALUES (NEXT VALUE FOR"
            + " task_event_seq, 'node', CURRENT_TIMESTAMP, 'completed', 'COMPLETED', 't1')");

    MigrateResult result = SchemaMigration.migrate(database);

    assertThat(result.migrationsExecuted).isEqualTo(MigrationScripts.NAMES.size() - 1);
    assertThat(history().get(0))
        .isEqualTo("1 BASELINE Glimpse tables made by EclipseLink (create-or-extend-tables) true");
    assertThat(history()).noneMatch(row -> row.startsWith("1 SQL"));
    assertThat(count("ai_task")).isOne();
    assertThat(count("task_event")).isOne();
  }

  @Test
  void aMigratedDatabaseIsLeftAsItIs() throws SQLException {
    SchemaMigration.migrate(database);

    MigrateResult again = SchemaMigration.migrate(database);

    assertThat(again.migrationsExecuted).isZero();
    assertThat(history()).hasSize(MigrationScripts.NAMES.size());
  }

  @Test
  void theMigratedSchemaIsTheOneEclipseLinkMakesFromTheEntities() throws SQLException {
    JdbcDataSource fromEntities = newDatabase();
    EclipseLinkTables.createOrExtend(fromEntities.getURL(), "sa", "sa");

    SchemaMigration.migrate(database);

    Set<String> ignored = Set.of("flyway_schema_history", "rate_limit_bucket");
    try (Connection migrated = database.getConnection();
        Connection generated = fromEntities.getConnection()) {
      SortedSet<String> entities = SchemaFacts.of(generated, ignored);
      assertThat(entities)
          .contains("table ai_task", "sequence task_event_seq start 50 increment 50");
      assertThat(SchemaFacts.differences(SchemaFacts.of(migrated, ignored), entities)).isEmpty();
    }
  }

  /** A new, empty in-memory H2 database that lives until the JVM ends. */
  private static JdbcDataSource newDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    dataSource.setPassword("sa");
    return dataSource;
  }

  /** Flyway's history of versions, one line per row: version, type, description and success. */
  private List<String> history() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT \"version\", \"type\", \"description\", \"success\""
                    + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")) {
      while (result.next()) {
        rows.add(
            result.getString(1)
                + " "
                + result.getString(2)
                + " "
                + result.getString(3)
                + " "
                + result.getBoolean(4));
      }
    }
    return rows;
  }

  private long count(String table) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
