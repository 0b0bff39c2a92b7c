package dev.glimpse.domain.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database the application runs on, for the few statements that differ between them. */
@ApplicationScoped
public class DatabaseKind {

  @Resource(lookup = "java:jboss/datasources/GlimpseDS")
  DataSource dataSource;

  private volatile Boolean postgreSql;

  /** Whether the database is PostgreSQL (else the embedded H2). */
  public boolean isPostgreSql() {
    Boolean known = postgreSql;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = isPostgreSql(connection);
      } catch (SQLException e) {
        throw new IllegalStateException("the database cannot be reached", e);
      }
      postgreSql = known;
    }
    return known;
  }

  /** Whether this connection is to PostgreSQL (else the embedded H2). */
  public static boolean isPostgreSql(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgresql");
  }
}
