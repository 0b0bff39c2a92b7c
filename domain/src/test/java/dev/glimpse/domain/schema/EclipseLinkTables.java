package dev.glimpse.domain.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * The persistence unit {@code glimpse} in Java SE against a JDBC URL, with its entities and
 * mappings as they are but without the schema migration: what the release before migrations did at
 * every start when it lets EclipseLink create and extend the tables.
 */
final class EclipseLinkTables {

  private EclipseLinkTables() {}

  /** Has EclipseLink create the entities' tables (and extend existing ones) in the database. */
  static void createOrExtend(String url, String user, String password) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.jdbc.url", url);
    properties.put("jakarta.persistence.jdbc.user", user);
    properties.put("jakarta.persistence.jdbc.password", password);
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
