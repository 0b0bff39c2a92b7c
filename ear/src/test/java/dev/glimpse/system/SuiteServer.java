package dev.glimpse.system;

import java.util.Map;
import org.jboss.dmr.ModelNode;

/** The suite's server through its management interface (see {@link ServerManagement}). */
final class SuiteServer {

  private static final ServerManagement SUITE =
      new ServerManagement(9990, new GlimpseClient(TestEnvironment.API_KEY));

  private SuiteServer() {}

  /** The suite's node. */
  static ServerManagement management() {
    return SUITE;
  }

  /** Runs {@code operation} and returns its result; an unsuccessful outcome fails the test. */
  static ModelNode execute(ModelNode operation) {
    return SUITE.execute(operation);
  }

  /** Adds the system property {@code name}, or sets it when it exists. */
  static void setSystemProperty(String name, String value) {
    SUITE.setSystemProperty(name, value);
  }

  /** Removes the system property {@code name} if it is set. */
  static void removeSystemProperty(String name) {
    SUITE.removeSystemProperty(name);
  }

  /** See {@link ServerManagement#overrideSystemProperties}. */
  static Runnable overrideSystemProperties(Map<String, String> properties) {
    return SUITE.overrideSystemProperties(properties);
  }

  /** Reloads the suite's server and waits until Glimpse is ready again. */
  static void reload() {
    SUITE.reload();
  }
}
