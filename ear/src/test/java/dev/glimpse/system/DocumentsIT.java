package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Documents and their summaries: created documents are summarized ahead of the first read; edits
 * need the current ETag; after an edit the stale summary is served at once and refreshed; a burst
 * of edits costs one model call.
 */
class DocumentsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The system tests' chunk size, {@code glimpse.summary.chunk-chars} in arquillian.xml. */
  private static final int CHUNK_CHARS = 6000;

  private static final Path DOCUMENTS = Path.of("../ai-gateway/src/test/resources/corpus/docs");

  private static Map<String, String> document(String title, String text) {
    return Map.of("title", title, "text", text, "language", "en");
  }

  /** Creates a document and waits until its warmed summary is there. */
  private String createSummarized(String title, String text) {
    String id =
        api.sendJson("POST", "api/v1/documents", document(title, text), Map.of())
            .body()
            .path("id")
            .asText();
    awaitFreshSummary(id);
    return id;
  }

  private JsonNode awaitFreshSummary(String id) {
    return api.await(
        "api/v1/documents/" + id + "/summary", body -> body.path("fresh").asBoolean(), PATIENCE);
  }

  private static String text(int version) {
    return "This agreement sets out how the service may be used. Version "
        + version
        + " of it applies from today. Readers must keep their keys secret and report misuse at once.";
  }

  @Test
  void aNewDocumentIsSummarizedBeforeAnyoneAsks() {
    ollama.answerSummaries();

    GlimpseClient.Answer created =
        api.sendJson("POST", "api/v1/documents", document("Terms", text(1)), Map.of());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    String id = created.body().path("id").asText();
    assertThat(created.location()).endsWith("/api/v1/documents/" + id);
    JsonNode summary = awaitFreshSummary(id);
    assertThat(summary.path("text").asText()).isEqualTo(OllamaStub.SUMMARY);
    assertThat(summary.path("forVersion").asLong()).isEqualTo(1);
    assertThat(summary.path("promptVersion").asText()).isEqualTo("summary-1");
    assertThat(summary.path("model").asText()).isEqualTo("llama3.2:3b");
    assertThat(ollama.summaryRequests()).hasSize(1);
  }

  @Test
  void aDocumentLongerThanAChunkIsSummarizedPartByPartThenAsAWhole() throws IOException {
    ollama.answerSummaries();
    String gpl = Files.readString(DOCUMENTS.resolve("GPL-3"));

    String id = createSummarized("GNU GPL", gpl);

    List<String> requests =
        ollama.summaryRequests().stream()
            .map(request -> request.at("/messages/1/content").asText())
            .toList();
    int parts = requests.size() - 1;
    assertThat(parts).isGreaterThanOrEqualTo((gpl.length() + CHUNK_CHARS - 1) / CHUNK_CHARS);
    for (int part = 1; part <= parts; part++) {
      assertThat(requests.get(part - 1))
          .startsWith("Title: GNU GPL (part " + part + " of " + parts + ")");
      assertThat(requests.get(part - 1).length()).isLessThanOrEqualTo(CHUNK_CHARS + 100);
    }
    assertThat(requests.get(parts))
        .startsWith("Title: GNU GPL (summaries of its " + parts + " parts)")
        .contains("Part " + parts + ": " + OllamaStub.SUMMARY);
    JsonNode summary = api.get("api/v1/documents/" + id + "/summary").body();
    assertThat(summary.path("text").asText()).isEqualTo(OllamaStub.SUMMARY);
    assertThat(summary.path("fresh").asBoolean()).isTrue();
  }

  /**
   * The third of three parts fails on every call of the first attempt (the gateway's retries
   * included); the retry reuses the two part summaries the first attempt kept and pays only for the
   * third part and the combining call.
   */
  @Test
  void aRetriedLongDocumentPaysOnlyForThePartsItLacks() {
    ollama
        .answerSummaries()
        .answerFirstRequestsContaining("(part 3 of 3)", 3, "ollama-internal-error");
    String marker = UUID.randomUUID().toString();
    StringBuilder text = new StringBuilder();
    for (int part = 1; part <= 3; part++) {
      String sentence =
          "Clause " + part + " of contract " + marker + " says what the parties owe. ";
      text.append(sentence.repeat((CHUNK_CHARS * 3 / 4) / sentence.length())).append("\n\n");
    }

    String id = createSummarized("Contract", text.toString());

    Map<String, Long> asked =
        ollama.summaryRequests().stream()
            .map(
                request ->
                    request.at("/messages/1/content").asText().lines().findFirst().orElse(""))
            .collect(Collectors.groupingBy(line -> line, Collectors.counting()));
    assertThat(asked)
        .containsEntry("Title: Contract (part 1 of 3)", 1L)
        .containsEntry("Title: Contract (part 2 of 3)", 1L)
        .containsEntry("Title: Contract (part 3 of 3)", 4L)
        .containsEntry("Title: Contract (summaries of its 3 parts)", 1L)
        .hasSize(4);
    JsonNode task =
        api
            .get("api/v1/tasks?kind=SUMMARIZE_DOCUMENT&size=100")
            .body()
            .path("items")
            .findParents("subjectId")
            .stream()
            .filter(candidate -> id.equals(candidate.path("subjectId").asText()))
            .findFirst()
            .orElseThrow();
    JsonNode trail = api.get("api/v1/tasks/" + task.path("id").asText()).body();
    assertThat(trail.path("attempts").asInt()).isEqualTo(2);
    assertThat(trail.path("events").findValuesAsText("message"))
        .anyMatch(message -> message.contains("2 parts reused from an earlier attempt"));
  }

  @Test
  void freshReadsAreCountedAsCacheHitsWithTheTokensTheySaved() {
    ollama.answerSummaries();
    String id = createSummarized("Terms", text(1));
    JsonNode before = api.get("api/v1/stats").body().path("summaryCache");

    for (int read = 0; read < 3; read++) {
      assertThat(api.get("api/v1/documents/" + id + "/summary").body().path("fresh").asBoolean())
          .isTrue();
    }

    JsonNode after = api.get("api/v1/stats").body();
    JsonNode cache = after.path("summaryCache");
    assertThat(cache.path("hits").asLong() - before.path("hits").asLong()).isEqualTo(3);
    assertThat(cache.path("tokensSaved").asLong() - before.path("tokensSaved").asLong())
        .isEqualTo(3 * (900 + 60));
    assertThat(cache.path("hitRate").asDouble()).isBetween(0.0, 1.0);
    assertThat(after.path("tasks").path("COMPLETED").asLong()).isPositive();
    assertThat(after.path("modelCalls").path("tokensIn").asLong()).isGreaterThanOrEqualTo(900);
    assertThat(ollama.summaryRequests()).hasSize(1);

    String metrics = api.text("metrics");
    assertThat(metrics)
        .contains("glimpse_summary_reads_total{result=\"hit\"}")
        .contains("glimpse_summary_tokens_saved_total")
        .contains("glimpse_tasks{status=\"COMPLETED\"}")
        .contains("glimpse_model_call_seconds_count{")
        .containsPattern("glimpse_model_tokens_total\\{.*direction=\"in\".*provider=\"ollama\"");
  }

  @Test
  void editsNeedTheCurrentVersionAndAStaleSummaryIsServedWhileItIsRefreshed() {
    ollama.answerSummaries();
    String id = createSummarized("Terms", text(1));

    GlimpseClient.Answer noPrecondition =
        api.sendJson("PUT", "api/v1/documents/" + id, document("Terms", text(2)), Map.of());
    GlimpseClient.Answer stale =
        api.sendJson(
            "PUT",
            "api/v1/documents/" + id,
            document("Terms", text(2)),
            Map.of("If-Match", "\"7\""));
    GlimpseClient.Answer edited =
        api.sendJson(
            "PUT",
            "api/v1/documents/" + id,
            document("Terms", text(2)),
            Map.of("If-Match", "\"1\""));

    assertThat(noPrecondition.status()).isEqualTo(428);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.header("ETag")).isEqualTo("\"2\"");

    GlimpseClient.Answer servedStale = api.get("api/v1/documents/" + id + "/summary");
    assertThat(servedStale.status()).isEqualTo(200);
    assertThat(servedStale.body().path("fresh").asBoolean()).isFalse();
    assertThat(servedStale.body().path("forVersion").asLong()).isEqualTo(1);

    JsonNode refreshed = awaitFreshSummary(id);
    assertThat(refreshed.path("forVersion").asLong()).isEqualTo(2);
  }

  @Test
  void tenRapidEditsCostOneModelCallForTheLatestVersion() {
    ollama.answerSummaries();
    String id = createSummarized("Terms", text(1));
    ollama.reset().answerSummaries();

    for (int version = 1; version <= 10; version++) {
      GlimpseClient.Answer edited =
          api.sendJson(
              "PUT",
              "api/v1/documents/" + id,
              document("Terms", text(version + 1)),
              Map.of("If-Match", "\"" + version + "\""));
      assertThat(edited.status()).isEqualTo(200);
    }

    JsonNode summary = awaitFreshSummary(id);
    assertThat(summary.path("forVersion").asLong()).isEqualTo(11);
    assertThat(ollama.summaryRequests()).hasSize(1);
  }

  @Test
  void withoutASummaryAReadWaitsOrAnswers202() {
    ollama.answerSummariesAfter(Duration.ofSeconds(2));
    String id =
        api.sendJson("POST", "api/v1/documents", document("Notice", text(1)), Map.of())
            .body()
            .path("id")
            .asText();

    GlimpseClient.Answer notYet = api.get("api/v1/documents/" + id + "/summary");
    assertThat(notYet.status()).isEqualTo(202);
    assertThat(notYet.header("Retry-After")).isEqualTo("2");
    assertThat(notYet.body().path("text").isNull()).isTrue();
    assertThat(notYet.body().path("status").asText()).isIn("PENDING", "PROCESSING");

    long started = System.nanoTime();
    GlimpseClient.Answer waitedTooLittle = api.get("api/v1/documents/" + id + "/summary?wait=1");
    assertThat(waitedTooLittle.status()).isEqualTo(202);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));

    GlimpseClient.Answer waited = api.get("api/v1/documents/" + id + "/summary?wait=5");

    assertThat(waited.status()).as(waited.body().toString()).isEqualTo(200);
    assertThat(waited.body().path("text").asText()).isEqualTo(OllamaStub.SUMMARY);
    assertThat(api.get("api/v1/documents/" + id + "/summary?wait=31").status()).isEqualTo(400);
    GlimpseClient.Answer notANumber = api.get("api/v1/documents/" + id + "/summary?wait=soon");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.body().path("detail").asText()).contains("whole number of seconds");
    assertThat(api.get("api/v1/documents/missing/summary").status()).isEqualTo(404);
  }
}
