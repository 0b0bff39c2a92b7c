package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of one API client: open event streams, waiting summary reads, the request rate and the
 * size of a body. Each test is a client of its own, so that one test's use is not another's.
 *
 * <p>The server runs these tests with a JSON limit of 1 MiB, two waiting reads per client and 5
 * requests per second in bursts of 20.
 */
class LimitsIT extends DeployedEarTest {

  private static final int JSON_LIMIT = 1024 * 1024;
  private static final int BURST = 20;
  private static Runnable suiteSettings;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void smallLimits() {
    suiteSettings =
        SuiteServer.overrideSystemProperties(
            Map.of(
                "glimpse.api.max-json-bytes",
                Integer.toString(JSON_LIMIT),
                "glimpse.api.summary-waits-per-client",
                "2",
                "glimpse.api.requests-per-second",
                "5",
                "glimpse.api.request-burst",
                Integer.toString(BURST)));
    SuiteServer.reload();
  }

  @AfterAll
  static void theSuitesLimits() {
    suiteSettings.run();
    SuiteServer.reload();
  }

  @Test
  void aSixthEventStreamOfOneClientIsRefusedUntilOneCloses() throws Exception {
    String key = newClient("streams");
    List<EventStream> open = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        open.add(EventStream.open(key, null));
      }
      Subscribed sixth = subscribe(key);
      assertThat(sixth.status()).isEqualTo(429);
      assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(sixth.body()).contains("too-many-requests").contains("5 event streams");
      assertThat(sixth.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(subscribe(TestEnvironment.OTHER_API_KEY).status())
          .as("another client's stream")
          .isEqualTo(200);

      open.remove(0).close();
      Instant deadline = Instant.now().plusSeconds(20);
      int status = 0;
      while (status != 200 && Instant.now().isBefore(deadline)) {
        status = subscribe(key).status();
      }
      assertThat(status).as("a stream once one of the five has closed").isEqualTo(200);
    } finally {
      open.forEach(EventStream::close);
    }
  }

  @Test
  void aThirdWaitingSummaryReadIsRefusedWhileTwoWait() throws Exception {
    ollama.answerSummariesAfter(Duration.ofSeconds(8));
    String key = newClient("waits");
    String id =
        new GlimpseClient(key)
            .createDocument(
                "Waited for " + UUID.randomUUID(),
                "The reading room moves to the second floor while the roof is repaired.")
            .body()
            .path("id")
            .asText();
    HttpRequest waiting =
        HttpRequest.newBuilder(
                GlimpseClient.BASE.resolve("api/v1/documents/" + id + "/summary?wait=30"))
            .header("Authorization", "Bearer " + key)
            .header("Accept", "application/json")
            .build();
    List<CompletableFuture<HttpResponse<String>>> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(http.sendAsync(waiting, HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> read : three) {
      answers.add(read.get());
    }

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429);
    List<HttpResponse<String>> refused =
        answers.stream().filter(answer -> answer.statusCode() == 429).toList();
    assertThat(refused).as("reads refused while two waited").hasSize(1);
    assertThat(refused.get(0).body()).contains("waiting summary reads");
    assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("5");
    assertThat(http.send(waiting, HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("a read once the others were answered")
        .isEqualTo(200);
  }

  @Test
  void aJsonBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String key = newClient("bodies");
    RawHttp raw = new RawHttp(GlimpseClient.BASE);
    String document = "{\"title\":\"Too long\",\"language\":\"en\",\"text\":\"";

    RawHttp.Answer declared =
        raw.sendStarted(
            post(key, "Content-Length: " + 2 * JSON_LIMIT),
            document.getBytes(StandardCharsets.UTF_8));
    assertThat(declared.status()).as("2 MiB declared, 60 bytes sent").isEqualTo(413);
    assertThat(declared.contentType()).isEqualTo("application/problem+json");
    assertThat(declared.body()).contains("body-too-large").contains(JSON_LIMIT + " bytes");

    byte[] chunks = chunked(document, JSON_LIMIT + 64 * 1024);
    RawHttp.Answer streamed = raw.sendStarted(post(key, "Transfer-Encoding: chunked"), chunks);
    assertThat(streamed.status())
        .as("1.06 MiB sent without a length, and the body never ended")
        .isEqualTo(413);
    assertThat(streamed.body()).contains("body-too-large");

    GlimpseClient.Answer stats = new GlimpseClient(key).get("api/v1/stats");
    assertThat(stats.status()).as("the client goes on").isEqualTo(200);
    long tasks = 0;
    for (JsonNode count : stats.body().path("tasks")) {
      tasks += count.asLong();
    }
    assertThat(tasks).as("the client's tasks: no document was stored").isZero();
  }

  @Test
  void aMultipartTextFieldOverItsLimitIsRefused() {
    GlimpseClient client = new GlimpseClient(newClient("fields"));
    GlimpseClient.Answer answer =
        client.uploadImage(
            "long-alt.png",
            GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
            "image/png",
            Map.of("altText", "a".repeat(70_000)));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().path("detail").asText())
        .isEqualTo("The part 'altText' is larger than the limit of 65536 bytes");
  }

  @Test
  void aClientSendingFasterThanItsRateWaitsAsRetryAfterSays() throws Exception {
    GlimpseClient client = new GlimpseClient(newClient("rate"));
    GlimpseClient.Answer refused = null;
    int sent = 0;
    while (refused == null && sent < 500) {
      GlimpseClient.Answer answer = client.get("api/v1/images?size=1");
      sent++;
      if (answer.status() == 429) {
        refused = answer;
      } else {
        assertThat(answer.status()).isEqualTo(200);
      }
    }
    assertThat(refused).as("a refusal within 500 requests").isNotNull();
    assertThat(sent).as("requests before the refusal").isGreaterThan(BURST);
    assertThat(refused.body().path("type").asText()).endsWith("/too-many-requests");
    assertThat(refused.body().path("title").asText()).contains("requests per second");
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 2L);
    assertThat(api.get("api/v1/images?size=1").status())
        .as("another client meanwhile")
        .isEqualTo(200);

    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
    assertThat(client.get("api/v1/images?size=1").status())
        .as("after waiting as told")
        .isEqualTo(200);
  }

  /** The answer to a subscription, whose stream is closed at once if it opened. */
  private record Subscribed(int status, String body, HttpHeaders headers) {}

  private Subscribed subscribe(String key) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(GlimpseClient.BASE.resolve("api/v1/events"))
            .header("Authorization", "Bearer " + key)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() == 200) {
      response.body().close();
      return new Subscribed(200, "", response.headers());
    }
    try (Stream<String> lines = response.body()) {
      return new Subscribed(
          response.statusCode(), String.join("\n", lines.toList()), response.headers());
    }
  }

  private String newClient(String purpose) {
    GlimpseClient.Answer created =
        api.sendJson(
            "POST",
            "api/v1/admin/clients",
            Map.of("name", purpose + "-" + UUID.randomUUID().toString().substring(0, 8)),
            Map.of());
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("key").asText();
  }

  private static String post(String key, String framing) {
    return "POST /api/v1/documents HTTP/1.1\r\nAuthorization: Bearer "
        + key
        + "\r\nContent-Type: application/json\r\n"
        + framing;
  }

  /** {@code document} and then {@code size} bytes of text, in chunks of 8 KiB, not terminated. */
  private static byte[] chunked(String document, int size) {
    StringBuilder body = new StringBuilder();
    body.append(Integer.toHexString(document.length()))
        .append("\r\n")
        .append(document)
        .append("\r\n");
    String chunk = "a".repeat(8192);
    for (int sent = 0; sent < size; sent += chunk.length()) {
      body.append("2000\r\n").append(chunk).append("\r\n");
    }
    return body.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
