package dev.glimpse.system;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * The application's persistence unit in Java SE, without its schema migration: EclipseLink creates
 * the entities' tables, and extends those that exist, as the release before migrations did at every
 * start.
 */
final class EntityTables {

  /**
   * Tables that migrations after the baseline add, which the release before migrations did not
   * have. A migration that adds a table adds it here, or the upgrade tests fail: the table exists.
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

  /** Sequences that migrations after the baseline add. */
  private static final List<String> LATER_SEQUENCES = List.of("event_log_seq");

  /** Indexes that migrations after the baseline add to the baseline's tables. */
  private static final List<String> LATER_INDEXES =
      List.of(
          "ix_task_event_at",
          "ix_ai_task_created",
          "ix_ai_task_backfill",
          "ix_image_label_image",
          "ix_document_key_point_document");

  /** Columns that migrations after the baseline add to its tables, as {@code table.column}. */
  private static final List<String> LATER_COLUMNS =
      List.of(
          "task_event.error_kind",
          "ai_task.backfill_id",
          "image_asset.proposed_provider",
          "image_asset.proposed_model",
          "image_asset.proposed_prompt_version",
          "image_asset.proposed_input_hash",
          "image_asset.proposed_by_task");

  private EntityTables() {}

  /**
   * Makes in {@code database} the tables of the release before migrations: what EclipseLink creates
   * for the entities, without the tables added since.
   */
  static void asTheReleaseBeforeMigrations(String database) {
    createOrExtend(database);
    try (Connection connection =
            DriverManager.getConnection(TestEnvironment.jdbcUrl(database), "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      for (String table : LATER_TABLES) {
        statement.execute("DROP TABLE " + table);
      }
      for (String sequence : LATER_SEQUENCES) {
        statement.execute("DROP SEQUENCE " + sequence);
      }
      for (String index : LATER_INDEXES) {
        statement.execute("DROP INDEX " + index);
      }
      for (String column : LATER_COLUMNS) {
        String[] tableAndColumn = column.split("\\.");
        statement.execute("ALTER TABLE " + tableAndColumn[0] + " DROP COLUMN " + tableAndColumn[1]);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the later tables cannot be dropped: " + e.getMessage(), e);
    }
  }

  /**
   * Has EclipseLink create or extend the entities' tables in a database of the test's PostgreSQL.
   */
  static void createOrExtend(String database) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.jdbc.url", TestEnvironment.jdbcUrl(database));
    properties.put("jakarta.persistence.jdbc.user", "postgres");
    properties.put("jakarta.persistence.jdbc.password", "postgres");
    properties.put("eclipselink.target-server", "None");
    properties.put("eclipselink.session-event-listener", NoMigration.class.getName());
    properties.put("eclipselink.ddl-generation", "create-or-extend-tables");
    properties.put("eclipselink.ddl-generation.output-mode", "database");
    properties.put("eclipselink.logging.level", "OFF");
    EntityManagerFactory factory = Persistence.createEntityManagerFactory("glimpse", properties);
    try {
      factory.createEntityManager().close();
    } finally {
      factory.close();
    }
  }

  /** In place of the schema migration: nothing happens before the login. */
  public static class NoMigration extends SessionEventAdapter {}
}
