package dev.glimpse.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.support.H2PersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationListenerTest {

  private final JdbcDataSource database = H2PersistenceUnit.newDatabase();

  @Test
  void thePersistenceUnitMigratesItsDatabaseBeforeItsFirstQuery() throws SQLException {
    EntityManagerFactory factory = persistenceUnit();
    try {
      EntityManager entityManager = factory.createEntityManager();

      long tasks =
          entityManager.createQuery("SELECT COUNT(t) FROM AiTask t", Long.class).getSingleResult();

      assertThat(tasks).isZero();
      entityManager.close();
    } finally {
      factory.close();
    }
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet applied =
            statement.executeQuery(
                "SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      assertThat(applied.next()).isTrue();
      assertThat(applied.getString(1)).isEqualTo(MigrationScripts.NAMES.get(0));
    }
  }

  @Test
  void aFailingMigrationKeepsThePersistenceUnitFromLoggingIn() throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE image_asset (id VARCHAR(36) PRIMARY KEY)");
    }

    assertThatThrownBy(this::persistenceUnit)
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Failed to execute script V1__baseline.sql")
        .rootCause()
        .hasMessageContaining("IMAGE_ASSET");
  }

  /** The persistence unit on the test's database; it logs in at once. */
  private EntityManagerFactory persistenceUnit() {
    return H2PersistenceUnit.on(database);
  }
}
