package dev.glimpse.domain.schema;

import dev.glimpse.domain.support.DatabaseKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings a database to the schema this release expects: Flyway applies, in version order, the
 * scripts of {@code db/migration/postgresql} or {@code db/migration/h2} it has not applied yet, and
 * records each in its history table {@code flyway_schema_history}.
 *
 * <p>A database without that history is one of two kinds. When it holds Glimpse's tables, the
 * release before migrations made it (EclipseLink created and extended its tables), so it already
 * has the schema of version 1: it is baselined at 1 and only later versions run. Otherwise it is
 * new, though it may hold the batch job repository's tables already: it is baselined at 0 and every
 * version runs, the baseline first.
 *
 * <p>On PostgreSQL, nodes that start together migrate one after the other: each holds an advisory
 * lock of Glimpse's own for the whole migration, and the nodes after the first find every version
 * applied. Flyway's own lock covers applying versions but not the first creation of its history
 * table, so without it a node that finds the table another node has just made tries to baseline the
 * database and fails.
 */
public final class SchemaMigration {

  /** A table every database made by the release before migrations has. */
  static final String PREVIOUS_RELEASE_TABLE = "ai_task";

  /** The key of the PostgreSQL advisory lock held while a node migrates ("glimpse" in ASCII). */
  static final long MIGRATION_LOCK = 0x676c696d707365L;

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

  private SchemaMigration() {}

  /**
   * Migrates the database behind {@code dataSource} to the latest version.
   *
   * @return what Flyway did
   * @throws org.flywaydb.core.api.FlywayException when a migration fails (it is rolled back where
   *     the database can roll back DDL, and the history marks it failed)
   */
  public static MigrateResult migrate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!DatabaseKind.isPostgreSql(connection)) {
        return migrateNow(dataSource);
      }
      try (MigrationLock held = MigrationLock.take(connection)) {
        return migrateNow(dataSource);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the database cannot be reached to migrate it", e);
    }
  }

  private static MigrateResult migrateNow(DataSource dataSource) {
    MigrateResult result = configure(dataSource).load().migrate();
    LOG.infof(
        "Database schema at version %s (%d migration(s) applied now)",
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion,
        result.migrationsExecuted);
    return result;
  }

  /** Flyway's configuration for the database behind {@code dataSource}. */
  static FluentConfiguration configure(DataSource dataSource) {
    String database;
    boolean madeByPreviousRelease;
    try (Connection connection = dataSource.getConnection()) {
      database = DatabaseKind.isPostgreSql(connection) ? "postgresql" : "h2";
      madeByPreviousRelease = hasTable(connection, PREVIOUS_RELEASE_TABLE);
    } catch (SQLException e) {
      throw new IllegalStateException("the database cannot be reached to migrate it", e);
    }
    ClassLoader classLoader = SchemaMigration.class.getClassLoader();
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations("classpath:" + MigrationScripts.folder(database))
        .resourceProvider(new MigrationScripts(database, classLoader))
        .javaMigrationClassProvider(List::of)
        .baselineOnMigrate(true)
        .baselineVersion(madeByPreviousRelease ? "1" : "0")
        .baselineDescription(
            madeByPreviousRelease
                ? "Glimpse tables made by EclipseLink (create-or-extend-tables)"
                : "no Glimpse tables yet");
  }

  /**
   * The PostgreSQL advisory lock {@link #MIGRATION_LOCK}, held by a transaction of its own
   * connection: ending the transaction releases it, and so does the connection's end if the node
   * dies.
   */
  private record MigrationLock(Connection connection) implements AutoCloseable {

    /** Waits until no other node holds the lock, and takes it. */
    static MigrationLock take(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        statement.setLong(1, MIGRATION_LOCK);
        statement.execute();
      }
      return new MigrationLock(connection);
    }

    @Override
    public void close() throws SQLException {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /** Whether the connection's current schema has a table of this (unquoted) name. */
  static boolean hasTable(Connection connection, String name) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String stored = metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    try (ResultSet tables =
        metaData.getTables(
            connection.getCatalog(), connection.getSchema(), stored, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
