package dev.glimpse.system;

import java.net.URI;
import java.util.Optional;

/**
 * The suite's second server, container {@value #CONTAINER} in arquillian.xml: ports +100, a base
 * directory and (for now) a database of its own. Tests point their clients at {@link #BASE}.
 */
final class SecondServer {

  static final String CONTAINER = "crash";
  static final URI BASE = URI.create("http://localhost:8180/");

  private SecondServer() {}

  /** Its JVM, found by its server base directory on the command line. */
  static Optional<ProcessHandle> process() {
    String base = System.getProperty("glimpse.test.crash-base");
    return ProcessHandle.allProcesses()
        .filter(
            process -> process.info().commandLine().map(line -> line.contains(base)).orElse(false))
        .findFirst();
  }

  /** Kills its JVM with SIGKILL and waits until it is gone. */
  static void kill() throws Exception {
    ProcessHandle server = process().orElseThrow();
    server.destroyForcibly();
    server.onExit().get();
  }
}
