package dev.glimpse.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

  private final ClassLoader classLoader = MigrationScriptsTest.class.getClassLoader();

  @Test
  void everyScriptInAFolderIsListedAndEveryListedScriptIsInEveryFolder() throws Exception {
    assertThat(filesIn("db/migration"))
        .as("the folders under db/migration")
        .containsExactlyInAnyOrderElementsOf(MigrationScripts.DATABASES);
    for (String database : MigrationScripts.DATABASES) {
      assertThat(filesIn(MigrationScripts.folder(database)))
          .as(
              "the scripts in %s (a new one goes into MigrationScripts.NAMES as well)",
              MigrationScripts.folder(database))
          .containsExactlyInAnyOrderElementsOf(MigrationScripts.NAMES);
    }
  }

  @Test
  void flywayFindsTheScriptsThroughAClassLoaderThatCannotListFolders() {
    ClassLoader exactNamesOnly = new ExactNamesOnly(classLoader);
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    List<String> pending =
        Stream.of(
                Flyway.configure(exactNamesOnly)
                    .dataSource(database)
                    .resourceProvider(new MigrationScripts("h2", exactNamesOnly))
                    .javaMigrationClassProvider(List::of)
                    .load()
                    .info()
                    .pending())
            .map(MigrationInfo::getScript)
            .toList();

    assertThat(pending).isNotEmpty().containsExactlyElementsOf(MigrationScripts.NAMES);
  }

  @Test
  void aListedScriptThatIsMissingStopsTheMigrationBeforeItBegins() {
    ClassLoader withoutBaseline =
        new ClassLoader(null) {
          @Override
          public URL getResource(String name) {
            return name.endsWith("V1__baseline.sql") ? null : classLoader.getResource(name);
          }
        };

    assertThatThrownBy(() -> new MigrationScripts("postgresql", withoutBaseline))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("db/migration/postgresql/V1__baseline.sql is missing");
  }

  private List<String> filesIn(String folder) throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(Path.of(classLoader.getResource(folder).toURI()))) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  /**
   * Finds a resource by its exact name only, like a server whose archives cannot be listed: a
   * folder is not found, so scanning it finds nothing.
   */
  private static final class ExactNamesOnly extends ClassLoader {

    private final ClassLoader delegate;

    ExactNamesOnly(ClassLoader delegate) {
      super(null);
      this.delegate = delegate;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      return delegate.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
      return name.startsWith("db/") && !name.endsWith(".sql") ? null : delegate.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
      return name.startsWith("db/") && !name.endsWith(".sql")
          ? Collections.emptyEnumeration()
          : delegate.getResources(name);
    }
  }
}
