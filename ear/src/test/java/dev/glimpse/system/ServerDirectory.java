package dev.glimpse.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A WildFly base directory of the suite's own: a fresh copy of the provisioned server's
 * configuration, with none of the deployments an earlier start recorded in it.
 */
final class ServerDirectory {

  private ServerDirectory() {}

  /** Empties {@code base} and gives it the provisioned configuration. */
  static void prepare(Path base) {
    Path source = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
    try {
      if (Files.exists(base)) {
        try (Stream<Path> old = Files.walk(base)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(base.resolve("configuration"));
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, base.resolve("configuration").resolve(file.getFileName()));
        }
      }
      Path configuration = base.resolve("configuration").resolve("standalone.xml");
      Files.writeString(
          configuration,
          Files.readString(configuration).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(base + " cannot be prepared", e);
    }
  }

  /**
   * Prepares {@code base} with the built EAR in its deployments directory, which the server's
   * deployment scanner deploys while it boots.
   */
  static void prepareWithGlimpse(Path base) {
    prepare(base);
    try {
      Path deployments = Files.createDirectories(base.resolve("deployments"));
      Files.copy(Path.of(System.getProperty("glimpse.ear")), deployments.resolve("glimpse.ear"));
    } catch (IOException e) {
      throw new UncheckedIOException("Glimpse cannot be put in " + base, e);
    }
  }
}
