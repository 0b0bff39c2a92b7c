package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Replay survives the server: a client that saw part of a run, while the server was killed with
 * SIGKILL and started again, resumes with {@code Last-Event-ID} and gets every change it missed,
 * those before the kill included, once and in order, as the audit trail recorded them. The server
 * under test is the crash server, so the suite's server is not disturbed.
 */
@ExtendWith(ArquillianExtension.class)
class EventReplayAfterRestartIT {

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

  private String upload() {
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    return api.uploadImage("restart.png", png, "image/png").body().path("id").asText();
  }

  private JsonNode awaitStatus(String image, String status) {
    return api.await(
        "api/v1/images/" + image,
        body -> status.equals(body.at("/task/status").asText()),
        PATIENCE);
  }

  /** The statuses the audit trail of {@code image}'s task moved through, in order. */
  private List<String> transitions(String image) {
    String task = api.get("api/v1/images/" + image).body().at("/task/id").asText();
    List<String> statuses = new ArrayList<>();
    for (JsonNode line : api.get("api/v1/tasks/" + task).body().path("events")) {
      if (!line.path("from").asText().equals(line.path("to").asText())) {
        statuses.add(line.path("to").asText());
      }
    }
    return statuses;
  }

  @Test
  void aClientResumesAfterAKilledServerRestartedWithEveryChangeItMissedOnceInOrder()
      throws Exception {
    crash.start(controller, deployer);
    try {
      ollama.reset().answerWith("ollama-ok-clean");
      String seenImage;
      String lastSeen;
      try (EventStream stream = EventStream.open(crash.base(), TestEnvironment.API_KEY, null)) {
        seenImage = upload();
        lastSeen = stream.await(EventStream.of(seenImage, "COMPLETED"), PATIENCE).id();
      }

      ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(6));
      List<String> missed = List.of(upload(), upload());
      for (String image : missed) {
        awaitStatus(image, "PROCESSING");
      }
      crash.kill(controller);
      ollama.reset().answerWith("ollama-ok-clean");
      crash.restart(controller);
      for (String image : missed) {
        awaitStatus(image, "COMPLETED");
      }

      try (EventStream resumed =
          EventStream.open(crash.base(), TestEnvironment.API_KEY, lastSeen)) {
        List<EventStream.Event> replayed =
            resumed.awaitEvents(
                events ->
                    events.stream()
                        .filter(event -> "COMPLETED".equals(event.data().path("status").asText()))
                        .map(event -> event.data().path("subjectId").asText())
                        .collect(Collectors.toSet())
                        .containsAll(missed),
                PATIENCE);
        List<Long> ids = replayed.stream().map(event -> Long.parseLong(event.id())).toList();

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id > Long.parseLong(lastSeen));
        assertThat(replayed)
            .extracting(event -> event.data().path("subjectId").asText())
            .containsOnlyElementsOf(Set.copyOf(missed));
        for (String image : missed) {
          assertThat(
                  replayed.stream()
                      .filter(event -> image.equals(event.data().path("subjectId").asText()))
                      .map(event -> event.data().path("status").asText())
                      .toList())
              .as("the changes of image %s as the audit trail has them", image)
              .isEqualTo(transitions(image))
              .contains("PENDING", "PROCESSING", "COMPLETED");
        }
      }
    } finally {
      crash.stop(controller, deployer);
    }
  }
}
