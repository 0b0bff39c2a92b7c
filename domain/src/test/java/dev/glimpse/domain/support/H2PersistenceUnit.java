package dev.glimpse.domain.support;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The application's persistence unit in Java SE, on a database of its own in memory: it migrates
 * the database as the server does, before its first query.
 */
public final class H2PersistenceUnit {

  private H2PersistenceUnit() {}

  /** A new in-memory H2 database, kept while the JVM runs. */
  public static JdbcDataSource newDatabase() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return database;
  }

  /** The persistence unit on {@code database}, with resource-local transactions. */
  public static EntityManagerFactory on(DataSource database) {
    return Persistence.createEntityManagerFactory(
        "glimpse",
        Map.of(
            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
            "jakarta.persistence.jtaDataSource", "",
            "jakarta.persistence.nonJtaDataSource", database,
            "eclipselink.target-server", "None",
            "eclipselink.logging.level", "OFF"));
  }
}
