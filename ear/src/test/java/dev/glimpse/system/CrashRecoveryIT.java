package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server is killed with SIGKILL while it holds tasks, and started again: it takes back the tasks
 * it held at once (not when their leases run out), every task ends COMPLETED, and no outcome is
 * recorded twice. The server under test is a second one (ports +100, a database of its own), so the
 * suite's server is not disturbed.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @ArquillianResource ContainerController controller;

  @ArquillianResource Deployer deployer;

  private final ServerNode crash = ServerNode.CRASH;
  private final GlimpseClient api = crash.api();
  private final OllamaStub ollama = new OllamaStub();

  @Deployment(name = "crash", managed = false, testable = false)
  @TargetsContainer("crash")
  static EnterpriseArchive application() {
    return ServerNode.application();
  }

  @Test
  void tasksHeldByAKilledServerAreFinishedOnceAfterItRestarts() throws Exception {
    crash.start(controller, deployer);
    try {
      ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(6));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
        ids.add(
            api.uploadImage("crash-" + i + ".png", png, "image/png").body().path("id").asText());
      }
      List<String> held = awaitProcessing(ids);

      crash.kill(controller);

      ollama.reset().answerWith("ollama-ok-clean");
      crash.restart(controller);

      for (String id : ids) {
        JsonNode image =
            api.await(
                "api/v1/images/" + id,
                body -> "COMPLETED".equals(body.at("/task/status").asText()),
                PATIENCE);
        JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
        List<String> steps = task.path("events").findValuesAsText("step");
        assertThat(steps.stream().filter("completed"::equals)).hasSize(1);
        assertThat(image.path("altText").asText()).startsWith("A grey tabby cat");
        if (held.contains(id)) {
          assertThat(task.path("events").findValuesAsText("step"))
              .as("a task the killed server held was taken back as soon as it started again")
              .contains("node-restarted")
              .doesNotContain("lease-expired");
          assertThat(task.path("attempts").asInt()).isEqualTo(2);
        }
      }
      assertThat(api.get("api/v1/tasks?status=PROCESSING").body().path("total").asInt()).isZero();
    } finally {
      crash.stop(controller, deployer);
    }
  }

  /** Waits until the server holds at least two of the tasks, and returns their images' ids. */
  private List<String> awaitProcessing(List<String> ids) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<String> processing = new ArrayList<>();
      for (String id : ids) {
        JsonNode image = api.get("api/v1/images/" + id).body();
        if ("PROCESSING".equals(image.at("/task/status").asText())) {
          processing.add(id);
        }
      }
      if (processing.size() >= 2) {
        return processing;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the crash server never held two tasks at once");
  }
}
