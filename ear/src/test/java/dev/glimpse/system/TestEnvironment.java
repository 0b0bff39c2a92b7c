package dev.glimpse.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the server under test talks to — a real PostgreSQL (embedded binaries from Maven
 * Central) and a stub Ollama server — before Arquillian boots WildFly, and stops them at the end.
 * Their ports reach arquillian.xml as system properties.
 */
public class TestEnvironment implements LauncherSessionListener {

  static final String API_KEY = "system-test-api-key";
  static final String OTHER_API_KEY = "other-system-test-key";
  static final String ADMIN_PASSWORD = "system-test-password";

  private static WireMockServer ollama;
  private static TcpProxy crashDatabase;

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
    ollama =
        new WireMockServer(
            WireMockConfiguration.options().port(freePort()).bindAddress("127.0.0.1"));
    ollama.start();
    System.setProperty("glimpse.test.pg.port", Integer.toString(postgres.getPort()));
    crashDatabase = new TcpProxy(postgres.getPort());
    System.setProperty("glimpse.test.crash-pg.port", Integer.toString(crashDatabase.port()));
    Path suite = serverBase("suite-server");
    ServerDirectory.prepareWithGlimpse(suite);
    System.setProperty("glimpse.test.suite-base", suite.toString());
    System.setProperty("glimpse.test.crash-base", serverBase("crash-server").toString());
    System.setProperty("glimpse.test.second-base", serverBase("second-server").toString());
    System.setProperty("glimpse.test.upgrade-base", serverBase("upgrade-server").toString());
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE crash");
    } catch (SQLException e) {
      throw new IllegalStateException("the crash test's database cannot be created", e);
    }
    System.setProperty("glimpse.test.ollama.port", Integer.toString(ollama.port()));
    System.setProperty("glimpse.test.api-key", API_KEY);
    System.setProperty("glimpse.test.other-api-key", OTHER_API_KEY);
    System.setProperty("glimpse.test.admin-password", ADMIN_PASSWORD);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (crashDatabase != null) {
      crashDatabase.close();
    }
    if (ollama != null) {
      ollama.stop();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not stop", e);
      }
    }
  }

  /** Where a further server (see ServerNode) keeps its base directory. */
  private static Path serverBase(String name) {
    return Path.of("target", name).toAbsolutePath();
  }

  /** A port nothing listens on now. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * Stops the stub Ollama server: connections to it are refused, as when the model server is down.
   * Its stubs stay; {@link #startModel()} brings it back on the same port.
   */
  static void stopModel() {
    ollama.stop();
  }

  /** Starts the stub Ollama server again after {@link #stopModel()}. */
  static void startModel() {
    ollama.start();
  }

  /**
   * The crash server's way to PostgreSQL: a proxy that a test can cut, as if the database stopped.
   */
  static TcpProxy crashDatabase() {
    return crashDatabase;
  }

  /** The port of the stub Ollama server. */
  static int ollamaPort() {
    return Integer.getInteger("glimpse.test.ollama.port");
  }

  /** A JDBC URL of the test database, for assertions on what the server stored. */
  /** Midnight UTC today, as the application counts days, for the tests' SQL. */
  static Timestamp startOfTodayUtc() {
    return Timestamp.from(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** A JDBC URL of the test PostgreSQL's {@code database}. */
  static String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:"
        + Integer.getInteger("glimpse.test.pg.port")
        + "/"
        + database;
  }

  /**
   * Creates the database {@code name} in the test's PostgreSQL, empty; one of that name made
   * earlier in the session is dropped first.
   */
  static void createDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("the database " + name + " cannot be created", e);
    }
  }
}
