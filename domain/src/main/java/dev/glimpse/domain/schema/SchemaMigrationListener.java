package dev.glimpse.domain.schema;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Migrates the database of the persistence unit just before EclipseLink logs in to it, so no query
 * ever meets an older schema.
 *
 * <p>DESIGN: the schema is versioned by Flyway migrations (EclipseLink creates no tables), and they
 * run here because the login comes before any use of an EntityManager and, with {@code
 * eclipselink.deploy-on-startup}, happens while the application deploys, outside any transaction: a
 * failed migration fails the deployment, and nodes starting together take turns on the migration
 * lock, so each version is applied once.
 */
public class SchemaMigrationListener extends SessionEventAdapter {

  @Override
  public void preLogin(SessionEvent event) {
    SchemaMigration.migrate(dataSourceOf(event.getSession()));
  }

  /** The data source the session logs in through (the unit's JTA data source on the server). */
  static DataSource dataSourceOf(Session session) {
    if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector connector) {
      if (connector.getDataSource() != null) {
        return connector.getDataSource();
      }
      try {
        return (DataSource) new InitialContext().lookup(connector.getName());
      } catch (NamingException e) {
        throw new IllegalStateException(
            "the data source " + connector.getName() + " cannot be found to migrate it", e);
      }
    }
    throw new IllegalStateException(
        "the persistence unit logs in without a data source, so its schema cannot be migrated");
  }
}
