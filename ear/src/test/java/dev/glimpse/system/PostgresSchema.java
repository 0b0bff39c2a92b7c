package dev.glimpse.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the public schema of a database of the test's PostgreSQL is made of, one readable line per
 * fact: tables, columns (type, length, precision, nullability, default), constraints (primary,
 * unique and foreign keys, as PostgreSQL defines them), indexes and sequences, from {@code
 * information_schema} and {@code pg_catalog}. Tables and sequences that no entity maps are left
 * out.
 */
final class PostgresSchema {

  /**
   * What the database holds beside the entities' tables: Flyway's history, the rate limits' token
   * buckets (Bucket4j's table, made by a migration), and the batch job repository, which JBeret
   * makes itself.
   */
  static final Set<String> NOT_MAPPED =
      Set.of(
          "flyway_schema_history",
          "rate_limit_bucket",
          "job_instance",
          "job_execution",
          "step_execution",
          "partition_execution",
          "job_instance_jobinstanceid_seq",
          "job_execution_jobexecutionid_seq",
          "step_execution_stepexecutionid_seq");

  private PostgresSchema() {}

  /** The facts of the public schema of {@code database}. */
  static SortedSet<String> of(String database) throws SQLException {
    SortedSet<String> facts = new TreeSet<>();
    try (Connection connection =
            DriverManager.getConnection(TestEnvironment.jdbcUrl(database), "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      collect(
          statement,
          facts,
          "SELECT table_name, 'table ' || table_name FROM information_schema.tables"
              + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
      collect(
          statement,
          facts,
          "SELECT table_name, 'column ' || table_name || '.' || column_name || ' ' || data_type"
              + " || coalesce('(' || character_maximum_length || ')', '')"
              + " || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')"
              + " || CASE is_nullable WHEN 'YES' THEN ' null' ELSE ' not null' END"
              + " || coalesce(' default ' || column_default, '')"
              + " FROM information_schema.columns WHERE table_schema = 'public'");
      collect(
          statement,
          facts,
          "SELECT conrelid::regclass::text, 'constraint ' || conrelid::regclass::text || ' '"
              + " || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
              + " WHERE connamespace = 'public'::regnamespace");
      collect(
          statement,
          facts,
          "SELECT tablename, 'index ' || indexname || ': ' || indexdef FROM pg_indexes"
              + " WHERE schemaname = 'public'");
      collect(
          statement,
          facts,
          "SELECT sequence_name, 'sequence ' || sequence_name || ' ' || data_type || ' start '"
              + " || start_value || ' increment ' || increment || ' min ' || minimum_value"
              + " || ' max ' || maximum_value || ' cycle ' || cycle_option"
              + " FROM information_schema.sequences WHERE sequence_schema = 'public'");
    }
    return facts;
  }

  /**
   * Every fact that only one of the two schemas has, each line saying which: empty when the
   * migrations make the schema the entities map to.
   */
  static List<String> differences(SortedSet<String> migrated, SortedSet<String> entities) {
    List<String> differences = new ArrayList<>();
    entities.stream()
        .filter(fact -> !migrated.contains(fact))
        .forEach(fact -> differences.add("the entities have, the migrations do not make: " + fact));
    migrated.stream()
        .filter(fact -> !entities.contains(fact))
        .forEach(fact -> differences.add("the migrations make, the entities do not have: " + fact));
    return differences;
  }

  /** Adds the facts of a query whose first column names the table or sequence they are about. */
  private static void collect(Statement statement, SortedSet<String> facts, String query)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        if (!NOT_MAPPED.contains(rows.getString(1))) {
          facts.add(rows.getString(2));
        }
      }
    }
  }
}
