package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The task engine against every kind of provider answer (arquillian.xml: 3 attempts, backoff of 1
 * to 2 s), and what an operator does with the failures: group them by cause and retry one cause.
 */
class TaskEngineIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int MAX_ATTEMPTS = 3;

  @ParameterizedTest(name = "{0} → {1} after {2} attempt(s)")
  @CsvSource({
    "ollama-ok-fenced,         COMPLETED, 1, ",
    "ollama-refusal,           FLAGGED,   1, ",
    "ollama-bad-request,       FAILED,    1, permanent",
    "ollama-server-busy,       FAILED,    3, transient",
    "ollama-no-json,           FAILED,    3, invalid-output",
  })
  void everyKindOfAnswerEndsInItsDesignedState(
      String exchange, String status, int attempts, String errorKind) {
    ollama.answerWith(exchange);

    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", status, PATIENCE);

    assertThat(image.at("/task/attempts").asInt()).isEqualTo(attempts);
    if (errorKind == null) {
      assertThat(image.at("/task/errorKind").isNull()).isTrue();
    } else {
      assertThat(image.at("/task/errorKind").asText()).isEqualTo(errorKind);
      assertThat(image.at("/task/lastError").asText()).isNotBlank().doesNotContain("Exception");
    }
    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(task.path("events").findValuesAsText("to")).last().isEqualTo(status);
    if (attempts > 1) {
      assertThat(task.path("events").findValuesAsText("message"))
          .as("later attempts reuse the prepared image")
          .anyMatch(message -> message.startsWith("reused the stored"));
    }
  }

  @Test
  void anOperatorRetriesTheFailuresOfOneCauseAndTheyComplete() {
    ollama.answerWith("ollama-model-not-found");
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      failed.add(failedImage());
    }

    JsonNode groups = api.get("api/v1/tasks/failures").body();
    JsonNode notFound = null;
    for (JsonNode group : groups) {
      if (group.path("reason").asText().contains("not found, try pulling it first")) {
        notFound = group;
      }
    }
    assertThat(notFound).isNotNull();
    assertThat(notFound.path("errorKind").asText()).isEqualTo("permanent");
    assertThat(notFound.path("count").asLong()).isGreaterThanOrEqualTo(2);
    String reason = URLEncoder.encode(notFound.path("reason").asText(), StandardCharsets.UTF_8);
    assertThat(
            api.get("api/v1/tasks?status=FAILED&errorKind=permanent&reason=" + reason)
                .body()
                .path("items")
                .findValuesAsText("subjectId"))
        .containsAll(failed);

    ollama.reset().answerWith("ollama-ok-clean");
    GlimpseClient.Answer retried =
        api.post("api/v1/tasks/retry?status=FAILED&errorKind=permanent&reason=" + reason);

    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.body().path("requeued").asInt())
        .as("five tasks retried in pages of two")
        .isGreaterThanOrEqualTo(5);
    for (String id : failed) {
      JsonNode image =
          api.await(
              "api/v1/images/" + id,
              body -> "COMPLETED".equals(body.at("/task/status").asText()),
              PATIENCE);
      assertThat(image.at("/task/attempts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void onlyAFailedOrFlaggedTaskCanBeRetried() {
    ollama.answerWith("ollama-ok-clean");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);
    String taskId = image.at("/task/id").asText();

    GlimpseClient.Answer conflict = api.post("api/v1/tasks/" + taskId + "/retry");

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body().path("detail").asText()).contains("COMPLETED");
    assertThat(api.post("api/v1/tasks/no-such-task/retry").status()).isEqualTo(404);
    assertThat(api.post("api/v1/tasks/retry?status=PENDING").status()).isEqualTo(400);
  }

  @Test
  void aFlaggedTaskRetriedByItsClientRunsAgain() {
    ollama.answerWith("ollama-cannot-see");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "FLAGGED", PATIENCE);
    ollama.reset().answerWith("ollama-ok-clean");

    GlimpseClient.Answer retried =
        api.post("api/v1/tasks/" + image.at("/task/id").asText() + "/retry");

    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.body().path("status").asText()).isEqualTo("PENDING");
    JsonNode done =
        api.await(
            "api/v1/images/" + image.path("id").asText(),
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            PATIENCE);
    assertThat(done.path("altText").asText()).startsWith("A grey tabby cat");
    JsonNode task = api.get("api/v1/tasks/" + done.at("/task/id").asText()).body();
    assertThat(task.path("events").findValuesAsText("step"))
        .contains("flagged", "requeued", "completed");
  }

  private String failedImage() {
    return api.uploadAndAwait("chelsea.png", "image/png", "FAILED", PATIENCE).path("id").asText();
  }
}
