package dev.glimpse.domain.schema;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migration scripts of one database, named in a list instead of found by scanning the class
 * path. WildFly serves the EAR's libraries from its virtual file system, which Flyway can list only
 * while the server lends its VFS module to deployments (WildFly 28 stopped doing so for a while);
 * reading a resource by its exact name works in every class loader, on the server, in tests and in
 * Java SE alike. A unit test fails when a script in a folder is missing from {@link #NAMES} or a
 * listed one from a folder.
 */
final class MigrationScripts implements ResourceProvider {

  /** Every migration, oldest first; each has a script in the folder of every database. */
  static final List<String> NAMES =
      List.of(
          "V1__baseline.sql",
          "V2__summary_part.sql",
          "V3__event_log.sql",
          "V4__model_usage.sql",
          "V5__provider_control.sql",
          "V6__client_quota.sql",
          "V7__summary_read_day.sql",
          "V8__backfill.sql",
          "V9__rate_limits.sql",
          "V10__proposal_provenance.sql",
          "V11__api_client.sql",
          "V12__console_user.sql",
          "V13__sign_in_failure.sql",
          "V14__collection_indexes.sql");

  /** The databases with a folder of scripts under {@code db/migration}. */
  static final List<String> DATABASES = List.of("postgresql", "h2");

  private final String folder;
  private final ClassLoader classLoader;
  private final List<LoadableResource> scripts;

  /**
   * The scripts of {@code database} (one of {@link #DATABASES}), read through {@code classLoader}.
   *
   * @throws IllegalStateException when a listed script is not there
   */
  MigrationScripts(String database, ClassLoader classLoader) {
    this.folder = folder(database);
    this.classLoader = classLoader;
    this.scripts = NAMES.stream().<LoadableResource>map(Script::new).toList();
    for (LoadableResource script : scripts) {
      if (classLoader.getResource(script.getAbsolutePath()) == null) {
        throw new IllegalStateException(
            "the migration " + script.getAbsolutePath() + " is missing from the application");
      }
    }
  }

  /** The resource folder of a database's scripts. */
  static String folder(String database) {
    return "db/migration/" + database;
  }

  @Override
  public LoadableResource getResource(String name) {
    return scripts.stream()
        .filter(
            script ->
                script.getRelativePath().equals(name) || script.getAbsolutePath().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return scripts.stream()
        .filter(script -> script.getFilename().startsWith(prefix))
        .filter(script -> Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
        .toList();
  }

  /** One script, read as UTF-8 whenever Flyway asks (for its checksum and to run it). */
  private final class Script extends LoadableResource {

    private final String name;

    Script(String name) {
      this.name = name;
    }

    @Override
    public Reader read() {
      InputStream in = classLoader.getResourceAsStream(getAbsolutePath());
      if (in == null) {
        throw new FlywayException("the migration " + getAbsolutePath() + " cannot be read");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return folder + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
