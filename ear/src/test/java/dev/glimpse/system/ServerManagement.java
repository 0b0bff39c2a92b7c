package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * One node's management interface: operations an operator would run with the CLI, and a reload that
 * waits until Glimpse, redeployed by it, is ready again. {@link SuiteServer} is the suite's node.
 */
final class ServerManagement {

  private static final Duration RELOAD_PATIENCE = Duration.ofMinutes(2);
  private static final System.Logger LOG = System.getLogger(ServerManagement.class.getName());

  private final int port;
  private final GlimpseClient api;

  /** The node managed on {@code port} whose API {@code api} calls. */
  ServerManagement(int port, GlimpseClient api) {
    this.port = port;
    this.api = api;
  }

  /** Runs {@code operation} and returns its result; an unsuccessful outcome fails the test. */
  ModelNode execute(ModelNode operation) {
    try (ModelControllerClient client = client()) {
      ModelNode outcome = client.execute(operation);
      assertThat(Operations.isSuccessfulOutcome(outcome)).as(outcome.toString()).isTrue();
      return Operations.readResult(outcome);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the server on management port " + port + " cannot be managed", e);
    }
  }

  /** Adds the system property {@code name}, or sets it when it exists. */
  void setSystemProperty(String name, String value) {
    ModelNode address = systemProperty(name);
    if (hasSystemProperty(name)) {
      execute(Operations.createWriteAttributeOperation(address, "value", value));
    } else {
      ModelNode add = Operations.createAddOperation(address);
      add.get("value").set(value);
      execute(add);
    }
  }

  /** Removes the system property {@code name} if it is set. */
  void removeSystemProperty(String name) {
    if (hasSystemProperty(name)) {
      execute(Operations.createRemoveOperation(systemProperty(name)));
    }
  }

  /**
   * Sets each of {@code properties} as a system property and returns what sets them back to the
   * values they had before, from the server's command line or none: call it, then {@link #reload}.
   * An empty value leaves the setting unset, as MicroProfile Config reads it.
   */
  Runnable overrideSystemProperties(Map<String, String> properties) {
    ModelNode runtime =
        execute(
            Operations.createReadAttributeOperation(
                Operations.createAddress("core-service", "platform-mbean", "type", "runtime"),
                "system-properties"));
    Map<String, String> before = new HashMap<>();
    properties.keySet().stream()
        .filter(runtime::hasDefined)
        .forEach(name -> before.put(name, runtime.get(name).asString()));
    properties.forEach(this::setSystemProperty);
    return () ->
        properties
            .keySet()
            .forEach(
                name -> {
                  if (before.containsKey(name)) {
                    setSystemProperty(name, before.get(name));
                  } else {
                    removeSystemProperty(name);
                  }
                });
  }

  /**
   * Reloads the server: every service restarts with the configuration as it is now, Glimpse
   * included. Returns once the server has gone down and Glimpse is ready again.
   */
  void reload() {
    try (ModelControllerClient client = client()) {
      client.execute(Operations.createOperation("reload"));
    } catch (IOException lostAnswer) {
      // the server may close the connection as it goes down, before its answer is read: that the
      // reload began shows in the server going down, which is awaited below
      LOG.log(
          System.Logger.Level.INFO,
          "The reload's answer was lost; waiting for the server to go down: " + lostAnswer);
    }
    awaitReadiness(false);
    awaitReadiness(true);
  }

  private void awaitReadiness(boolean ready) {
    Instant deadline = Instant.now().plus(RELOAD_PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (ready() == ready) {
        return;
      }
      pause();
    }
    throw new IllegalStateException(
        "Glimpse was " + (ready ? "not ready" : "still ready") + " after " + RELOAD_PATIENCE);
  }

  private boolean ready() {
    try (ModelControllerClient client = client()) {
      ModelNode state =
          client.execute(
              Operations.createReadAttributeOperation(
                  new ModelNode().setEmptyList(), "server-state"));
      return Operations.isSuccessfulOutcome(state)
          && "running".equals(Operations.readResult(state).asString())
          && api.get("health/ready").status() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean hasSystemProperty(String name) {
    ModelNode read =
        Operations.createOperation("read-children-names", new ModelNode().setEmptyList());
    read.get("child-type").set("system-property");
    return execute(read).asList().stream().anyMatch(child -> child.asString().equals(name));
  }

  private static ModelNode systemProperty(String name) {
    return Operations.createAddress("system-property", name);
  }

  private ModelControllerClient client() throws IOException {
    return ModelControllerClient.Factory.create("localhost", port);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the server reloads", e);
    }
  }
}
