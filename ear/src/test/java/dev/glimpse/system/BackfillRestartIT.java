package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A backfill over an archive stored without descriptions: the dry run counts the images without ALT
 * text and prices them, a capped run describes exactly the cap, and a restart of the server in the
 * middle of it goes on where it stopped without handing any image over twice. The crash server
 * keeps at most two of a backfill's items waiting (GLIMPSE_BACKFILL_WINDOW=2), so the backfill is
 * still under way when the server stops.
 */
@ExtendWith(ArquillianExtension.class)
class BackfillRestartIT {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Tokens of one stub answer: 613 in and 182 out. */
  private static final int CALL_TOKENS = 795;

  private static final int WITHOUT_ALT_TEXT = 30;
  private static final int WRITTEN_BY_PEOPLE = 5;
  private static final int CAP = 20;

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
  void aCappedBackfillDescribesExactlyItsCapAndGoesOnAfterARestartWithoutDoubleWork()
      throws Exception {
    crash.start(controller, deployer);
    try {
      ollama.reset().answerWith("ollama-ok-clean");
      api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);

      String prefix = "backfill-" + UUID.randomUUID();
      List<String> archive = new ArrayList<>();
      for (int i = 0; i < WITHOUT_ALT_TEXT; i++) {
        archive.add(upload(prefix + "-" + i + ".png", i, Map.of("describe", "false")));
      }
      Map<String, String> human = new HashMap<>();
      for (int i = 0; i < WRITTEN_BY_PEOPLE; i++) {
        String text = "A photograph a person described, number " + i;
        human.put(upload(prefix + "-human-" + i + ".png", 100 + i, Map.of("altText", text)), text);
      }
      Map<String, Object> request =
          Map.of("kind", "DESCRIBE_IMAGE", "filter", Map.of("q", prefix), "cap", CAP);

      GlimpseClient.Answer dryRun =
          api.sendJson("POST", "api/v1/backfills?dryRun=true", request, Map.of());
      assertThat(dryRun.status()).isEqualTo(200);
      assertThat(dryRun.body().path("candidates").asLong()).isEqualTo(WITHOUT_ALT_TEXT);
      assertThat(dryRun.body().path("items").asLong()).isEqualTo(CAP);
      JsonNode estimate = dryRun.body().path("estimate");
      assertThat(estimate.path("tokens").asLong()).isGreaterThanOrEqualTo((long) CAP * CALL_TOKENS);
      assertThat(estimate.path("costUsd").decimalValue())
          .isEqualByComparingTo(
              BigDecimal.valueOf(estimate.path("tokens").asLong())
                  .multiply(BigDecimal.TEN)
                  .divide(BigDecimal.valueOf(1_000_000)));
      assertThat(estimate.path("basis").asText()).contains("ollama/llava:7b");
      assertThat(api.get("api/v1/images/" + archive.get(0)).body().path("task").isNull())
          .as("a dry run hands nothing to the queue")
          .isTrue();

      ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(400));
      GlimpseClient.Answer started = api.sendJson("POST", "api/v1/backfills", request, Map.of());
      assertThat(started.status()).isEqualTo(201);
      assertThat(started.body().path("planned").asInt()).isEqualTo(CAP);
      assertThat(started.body().path("priority").asText()).isEqualTo("LOW");
      String backfill = "api/v1/backfills/" + started.body().path("id").asText();
      assertThat(started.location()).endsWith(backfill);

      JsonNode before = api.await(backfill, body -> body.path("done").asLong() >= 5, PATIENCE);
      crash.stopServer(controller);
      assertThat(before.path("done").asLong()).as("done when the server stopped").isLessThan(CAP);
      crash.restart(controller);

      JsonNode finished =
          api.await(backfill, body -> "DONE".equals(body.path("status").asText()), PATIENCE);
      assertThat(finished.path("handedOver").asInt()).isEqualTo(CAP);
      assertThat(finished.path("done").asLong()).isEqualTo(CAP);
      assertThat(finished.path("planned").asInt()).isEqualTo(CAP);

      List<String> described = new ArrayList<>();
      int attempts = 0;
      for (String image : archive) {
        JsonNode body = api.get("api/v1/images/" + image).body();
        if (body.path("task").isNull()) {
          assertThat(body.path("altText").isNull()).isTrue();
          continue;
        }
        assertThat(body.at("/task/status").asText()).isEqualTo("COMPLETED");
        assertThat(body.path("altText").asText()).isNotBlank();
        described.add(image);
        assertThat(completions(body.at("/task/id").asText()))
            .as("times image %s was described", image)
            .isEqualTo(1);
        attempts += body.at("/task/attempts").asInt();
      }
      assertThat(described).hasSize(CAP);
      human.forEach(
          (image, text) -> {
            JsonNode body = api.get("api/v1/images/" + image).body();
            assertThat(body.path("altText").asText()).isEqualTo(text);
            assertThat(body.path("task").isNull()).isTrue();
          });

      Map<String, Integer> calls = callsPerImage(described);
      assertThat(calls.keySet())
          .as("the images the model was asked about")
          .containsExactlyInAnyOrderElementsOf(described);
      assertThat(calls.values().stream().filter(count -> count > 1).count())
          .as("images asked about more than once (%s): at most the window of two in flight", calls)
          .isLessThanOrEqualTo(2);
      assertThat(attempts)
          .as("attempts in all: at most the window of two was in flight when the server stopped")
          .isLessThanOrEqualTo(CAP + 2);
    } finally {
      crash.stop(controller, deployer);
    }
  }

  private String upload(String filename, int index, Map<String, String> fields) {
    GlimpseClient.Answer created =
        api.uploadImage(filename, TestImages.distinctPng(index), "image/png", fields);
    assertThat(created.status()).as("upload of %s", filename).isEqualTo(202);
    return created.body().path("id").asText();
  }

  /** How many times the task's audit trail says it completed. */
  private int completions(String task) {
    int completions = 0;
    for (JsonNode line : api.get("api/v1/tasks/" + task).body().path("events")) {
      if ("COMPLETED".equals(line.path("to").asText())
          && !"COMPLETED".equals(line.path("from").asText())) {
        completions++;
      }
    }
    return completions;
  }

  /**
   * How many chat requests asked about each of {@code images}, by image id; an image the requests
   * carried that is none of them counts under its preview's length.
   */
  private Map<String, Integer> callsPerImage(List<String> images) {
    Map<String, String> byPreview = new HashMap<>();
    for (String image : images) {
      byPreview.put(
          Base64.getEncoder()
              .encodeToString(
                  api.bytes("api/v1/images/" + image + "/content?variant=preview").body()),
          image);
    }
    Map<String, Integer> calls = new HashMap<>();
    ollama
        .callsPerImage()
        .forEach(
            (preview, count) ->
                calls.put(
                    byPreview.getOrDefault(preview, "another image of " + preview.length()),
                    count));
    return calls;
  }
}
