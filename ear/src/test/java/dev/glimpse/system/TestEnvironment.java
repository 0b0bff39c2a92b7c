package dev.glimpse.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the server under test talks to — a real PostgreSQL (embedded binaries from Maven
 * Central) and a stub Ollama server — before Arquillian boots WildFly, and stops them at the end.
 * Their ports reach arquillian.xml as system properties.
 */
public class TestEnvironment implements LauncherSessionListener {

  static final String API_KEY = "system-test-key";
  static final String OTHER_API_KEY = "other-system-test-key";
  static final String ADMIN_PASSWORD = "system-test-password";

  private EmbeddedPostgres postgres;
  private WireMockServer ollama;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
    ollama =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    ollama.start();
    System.setProperty("glimpse.test.pg.port", Integer.toString(postgres.getPort()));
    System.setProperty("glimpse.test.crash-base", serverBase("crash-server").toString());
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

  /**
   * A server base directory of its own for a second server (target/{@code name}): a copy of the
   * provisioned server's configuration.
   */
  private static Path serverBase(String name) {
    Path source = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
    Path base = Path.of("target", name).toAbsolutePath();
    try {
      Files.createDirectories(base.resolve("configuration"));
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(
              file,
              base.resolve("configuration").resolve(file.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the directory of " + name + " cannot be prepared", e);
    }
    return base;
  }

  /** The port of the stub Ollama server. */
  static int ollamaPort() {
    return Integer.getInteger("glimpse.test.ollama.port");
  }

  /** A JDBC URL of the test database, for assertions on what the server stored. */
  static String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** A JDBC URL of another database of the test's PostgreSQL (user and password: postgres). */
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
