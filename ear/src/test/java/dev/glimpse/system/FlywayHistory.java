package dev.glimpse.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Flyway's history of a database's schema versions, as the upgrade tests read it. */
final class FlywayHistory {

  private FlywayHistory() {}

  /** Version, type and success of each row, in the order they were installed. */
  static List<String> of(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT version, type, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (result.next()) {
        rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getBoolean(3));
      }
    }
    return rows;
  }
}
