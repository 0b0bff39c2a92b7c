package dev.glimpse.domain.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database's schema is made of, one readable line per fact (a column with its type, length
 * and nullability, a primary key, an index, a unique or foreign key, a sequence), read through
 * JDBC's metadata. The names H2 makes up for unnamed constraints and their indexes are left out.
 */
final class SchemaFacts {

  private SchemaFacts() {}

  /** The facts of the connection's current schema, without the tables in {@code ignored}. */
  static SortedSet<String> of(Connection connection, Set<String> ignored) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = connection.getSchema();
    SortedSet<String> facts = new TreeSet<>();
    List<String> tables = new ArrayList<>();
    try (ResultSet rows = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String table = rows.getString("TABLE_NAME");
        if (!ignored.contains(table.toLowerCase(Locale.ROOT))) {
          tables.add(table);
        }
      }
    }
    for (String table : tables) {
      String name = table.toLowerCase(Locale.ROOT);
      facts.add("table " + name);
      try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
        while (rows.next()) {
          facts.add(
              "column %s.%s %s(%s,%s) %s"
                  .formatted(
                      name,
                      rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                      rows.getString("TYPE_NAME"),
                      rows.getInt("COLUMN_SIZE"),
                      rows.getInt("DECIMAL_DIGITS"),
                      "YES".equals(rows.getString("IS_NULLABLE")) ? "null" : "not null"));
        }
      }
      facts.add("primary key " + name + " " + primaryKey(metaData, catalog, schema, table));
      indexes(metaData, catalog, schema, table)
          .forEach((index, columns) -> facts.add("index " + name + " " + index + " " + columns));
      try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
        while (rows.next()) {
          facts.add(
              "foreign key %s %s (%s) references %s (%s)"
                  .formatted(
                      name,
                      rows.getString("FK_NAME").toLowerCase(Locale.ROOT),
                      rows.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                      rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                      rows.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)));
        }
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT sequence_name, start_value, increment FROM information_schema.sequences"
                    + " WHERE sequence_schema = CURRENT_SCHEMA")) {
      while (rows.next()) {
        facts.add(
            "sequence %s start %d increment %d"
                .formatted(
                    rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2), rows.getLong(3)));
      }
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

  private static String primaryKey(
      DatabaseMetaData metaData, String catalog, String schema, String table) throws SQLException {
    Map<Integer, String> columns = new TreeMap<>();
    try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
      while (rows.next()) {
        columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return columns.values().toString();
  }

  /** Each index as its name (made-up parts removed) and uniqueness, with its columns in order. */
  private static Map<String, String> indexes(
      DatabaseMetaData metaData, String catalog, String schema, String table) throws SQLException {
    Map<String, Map<Integer, String>> indexes = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
      while (rows.next()) {
        String index = rows.getString("INDEX_NAME");
        if (index == null) {
          continue;
        }
        String name =
            index
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("^primary_key_[0-9a-f]+$", "primary key")
                    .replaceAll("_index_[0-9a-f]+$", "")
                + (rows.getBoolean("NON_UNIQUE") ? "" : " unique");
        names.put(index, name);
        indexes
            .computeIfAbsent(index, key -> new TreeMap<>())
            .put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
      }
    }
    Map<String, String> described = new TreeMap<>();
    indexes.forEach(
        (index, columns) ->
            described.put(names.get(index), columns.values().toString().toLowerCase(Locale.ROOT)));
    return described;
  }
}
