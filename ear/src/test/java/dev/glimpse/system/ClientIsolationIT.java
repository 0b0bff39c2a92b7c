package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one client may learn of the others: its own figures in the stats, nothing of the cluster's
 * or the node's unless it is an admin client; no name of another's image in a reused description's
 * trail; and the metrics behind a key when one is set.
 */
class ClientIsolationIT extends DeployedEarTest {

  private static final String METRICS_KEY = "glimpse.metrics-key";

  private final GlimpseClient other = new GlimpseClient(TestEnvironment.OTHER_API_KEY);

  @AfterEach
  void metricsOpenAgain() {
    SuiteServer.removeSystemProperty(METRICS_KEY);
  }

  @Test
  void aNormalClientsStatsAreItsOwnTasksOnly() {
    JsonNode own = other.get("api/v1/stats").body();
    assertThat(own.has("tasks")).isTrue();
    assertThat(own.has("cluster")).isFalse();
    assertThat(own.has("modelCalls")).isFalse();
    assertThat(own.has("summaryCache")).isFalse();
    assertThat(own.has("eventSubscribers")).isFalse();

    JsonNode all = api.get("api/v1/stats").body();
    assertThat(all.has("cluster")).isTrue();
    assertThat(all.has("modelCalls")).isTrue();
  }

  @Test
  void aDescriptionReusedFromAnotherClientsImageDoesNotNameIt() {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    String mine = api.uploadImage("mine.png", png, "image/png").body().path("id").asText();
    api.await(
        "api/v1/images/" + mine,
        body -> "COMPLETED".equals(body.at("/task/status").asText()),
        Duration.ofSeconds(60));

    String theirs = other.uploadImage("theirs.png", png, "image/png").body().path("id").asText();
    JsonNode described =
        other.await(
            "api/v1/images/" + theirs,
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            Duration.ofSeconds(60));
    JsonNode task = other.get("api/v1/tasks/" + described.at("/task/id").asText()).body();

    assertThat(task.path("events").findValuesAsText("step")).contains("reused");
    assertThat(ollama.chatRequests()).as("one model call for both").hasSize(1);
    assertThat(task.toString()).doesNotContain(mine);
    assertThat(described.toString()).doesNotContain(mine);
  }

  @Test
  void withAKeySetTheMetricsAnswerOnlyWhoCarriesIt() throws IOException, InterruptedException {
    assertThat(metrics(null).statusCode()).isEqualTo(200);

    SuiteServer.setSystemProperty(METRICS_KEY, "a-scrapers-long-key");

    HttpResponse<String> refused = metrics(null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("glimpse_");
    assertThat(metrics("Bearer the-wrong-key-of-somebody").statusCode()).isEqualTo(401);
    assertThat(metrics("Bearer " + TestEnvironment.API_KEY).statusCode()).isEqualTo(401);
    HttpResponse<String> admitted = metrics("Bearer a-scrapers-long-key");
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(admitted.body()).contains("# TYPE");
  }

  private static HttpResponse<String> metrics(String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(GlimpseClient.BASE.resolve("metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
