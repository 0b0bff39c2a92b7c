package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's fault tolerance in the real server: the model slots and the bulkhead behind them
 * hold model calls to GLIMPSE_AI_CONCURRENCY (2) while four batch partitions compete, and a
 * provider that keeps failing opens the circuit breaker, which closes again when the provider
 * recovers; tasks that ran out of attempts meanwhile are retried as an operator would
 * (arquillian.xml shortens the breaker's delay and the task backoff).
 */
class FaultToleranceIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void theBulkheadAdmitsNoMoreModelCallsThanTheConcurrencySetting() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(1500));

    List<String> ids = uploadChelsea(6);

    ids.forEach(id -> awaitStatus(id, "COMPLETED"));
    assertThat(ollama.peakConcurrentChats()).isEqualTo(2);
  }

  @Test
  void aFailingProviderOpensTheCircuitWhichClosesWhenItRecovers() {
    ollama.answerWith("ollama-internal-error");

    List<String> ids = uploadChelsea(4);

    api.await(
        "api/v1/images/" + ids.get(0),
        image -> image.at("/task/lastError").asText().contains("circuit breaker open"),
        PATIENCE);
    int callsWhenOpen = ollama.chatRequests().size();
    assertThat(callsWhenOpen)
        .as("the open breaker stops calls well before 4 tasks × 3 attempts × 3 tries")
        .isPositive()
        .isLessThan(36);

    ollama.reset().answerWith("ollama-ok-clean");

    for (String id : ids) {
      JsonNode image =
          api.await(
              "api/v1/images/" + id,
              body -> body.at("/task/status").asText().matches("COMPLETED|FAILED"),
              PATIENCE);
      if ("FAILED".equals(image.at("/task/status").asText())) {
        assertThat(api.post("api/v1/tasks/" + image.at("/task/id").asText() + "/retry").status())
            .isEqualTo(202);
      }
    }
    ids.forEach(id -> awaitStatus(id, "COMPLETED"));
  }

  private List<String> uploadChelsea(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GlimpseClient.Answer created =
          api.uploadImage(
              "chelsea-" + i + ".png",
              GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
              "image/png");
      assertThat(created.status()).isEqualTo(202);
      ids.add(created.body().path("id").asText());
    }
    return ids;
  }

  private JsonNode awaitStatus(String id, String status) {
    return api.await(
        "api/v1/images/" + id, image -> status.equals(image.at("/task/status").asText()), PATIENCE);
  }
}
