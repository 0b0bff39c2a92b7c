package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * The schema the server's Flyway migrations made is the one the entities map to: EclipseLink
 * generates the entities' schema into a database of its own, and the two are compared fact by fact
 * (tables, columns with type, length and nullability, keys, indexes, sequences). An entity field,
 * entity or index without its migration, or a migration without its entity, fails this test.
 */
class SchemaIT extends DeployedEarTest {

  @Test
  void theMigratedSchemaIsTheSchemaOfTheEntities() throws SQLException {
    TestEnvironment.createDatabase("entities");
    EntityTables.createOrExtend("entities");

    SortedSet<String> entities = PostgresSchema.of("entities");
    SortedSet<String> migrated = PostgresSchema.of("postgres");

    assertThat(entities)
        .as("what EclipseLink made from the entities")
        .contains("table ai_task", "table task_event");
    assertThat(PostgresSchema.differences(migrated, entities))
        .as("differences between the migrated schema and the entities' schema")
        .isEmpty();
  }

  @Test
  void theServerAppliedEveryMigrationOnceAndAllSucceeded() throws SQLException {
    List<String> history = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, type, script, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rows.next()) {
        history.add(
            rows.getString(1)
                + " "
                + rows.getString(2)
                + " "
                + rows.getString(3)
                + " "
                + rows.getBoolean(4));
      }
    }

    assertThat(history)
        .contains("1 SQL V1__baseline.sql true")
        .allMatch(row -> row.endsWith("true"));
    assertThat(history.stream().map(row -> row.split(" ")[0])).doesNotHaveDuplicates();
  }
}
