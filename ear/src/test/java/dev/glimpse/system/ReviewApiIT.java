package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The review API on the real EAR: a person's edit stands against later model results, decisions
 * land in the audit trail with who made them, refusals wait for a person, and a summary a model
 * refused is never served nor paid for again on every read.
 */
class ReviewApiIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String CLEAN_ALT_TEXT =
      "A grey tabby cat with green eyes sits on a wooden floor, looking up toward the viewer with"
          + " its ears pricked.";

  private final GlimpseClient other = new GlimpseClient(TestEnvironment.OTHER_API_KEY);

  @Test
  void aPersonsEditStandsAndARegenerateWaitsBesideItUntilApproved() {
    ollama.answerWith("ollama-ok-clean");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);
    String path = "api/v1/images/" + image.path("id").asText();
    assertThat(image.at("/review/pending").asBoolean()).isFalse();

    GlimpseClient.Answer read = api.get(path);
    String etag = read.header("ETag");
    assertThat(etag).isNotBlank();
    Map<String, Object> edit =
        Map.of("altText", "Chelsea the cat, watching the photographer.", "labels", List.of("Cat"));
    GlimpseClient.Answer unconditional = api.sendJson("PATCH", path, edit, Map.of());
    assertProblem(unconditional, 428);
    GlimpseClient.Answer stale = api.sendJson("PATCH", path, edit, Map.of("If-Match", "\"999\""));
    assertProblem(stale, 412);

    GlimpseClient.Answer edited = api.sendJson("PATCH", path, edit, Map.of("If-Match", etag));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.body().path("altText").asText())
        .isEqualTo("Chelsea the cat, watching the photographer.");
    assertThat(edited.body().path("aiGenerated").asBoolean()).isFalse();
    assertThat(edited.body().at("/review/state").asText()).isEqualTo("EDITED");
    assertThat(edited.body().at("/review/by").asText()).isEqualTo("bootstrap");
    assertThat(edited.header("ETag")).isNotEqualTo(etag);

    ollama.reset().answerWith("ollama-ok-fenced");
    GlimpseClient.Answer again = api.post(path + "/describe");
    assertThat(again.status()).isEqualTo(202);
    JsonNode proposed =
        api.await(
            path,
            body -> !body.path("proposal").isMissingNode() && !body.path("proposal").isNull(),
            PATIENCE);
    assertThat(proposed.path("altText").asText())
        .isEqualTo("Chelsea the cat, watching the photographer.");
    assertThat(proposed.path("aiGenerated").asBoolean()).isFalse();
    assertThat(proposed.at("/review/pending").asBoolean()).isTrue();
    assertThat(proposed.at("/proposal/altText").asText()).isNotBlank();

    GlimpseClient.Answer approved =
        api.sendJson("POST", path + "/review", Map.of("decision", "approve"), Map.of());
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.body().path("altText").asText())
        .isEqualTo(proposed.at("/proposal/altText").asText());
    assertThat(approved.body().path("aiGenerated").asBoolean()).isTrue();
    assertThat(approved.body().at("/review/state").asText()).isEqualTo("APPROVED");
    assertThat(approved.body().at("/review/pending").asBoolean()).isFalse();
    assertThat(approved.body().path("proposal").isNull()).isTrue();

    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(stepsBy(task, "api:bootstrap"))
        .containsSubsequence("edited", "regenerate", "approved");
  }

  @Test
  void aRefusalWaitsForAPersonAndARejectAsksTheModelAgain() {
    ollama.answerWith("ollama-refusal");
    JsonNode refused = api.uploadAndAwait("chelsea.png", "image/png", "FLAGGED", PATIENCE);
    String path = "api/v1/images/" + refused.path("id").asText();
    assertThat(refused.at("/review/pending").asBoolean()).isTrue();
    assertThat(texts(refused.at("/review/reasons"))).contains("Refused or cannot see");
    assertThat(refused.at("/review/score").asInt()).isGreaterThanOrEqualTo(100);

    GlimpseClient.Answer nothing =
        api.sendJson("POST", path + "/review", Map.of("decision", "approve"), Map.of());
    assertProblem(nothing, 409);

    ollama.reset().answerWith("ollama-ok-clean");
    GlimpseClient.Answer rejected =
        api.sendJson(
            "POST", path + "/review", Map.of("decision", "reject", "note", "try again"), Map.of());
    assertThat(rejected.status()).isEqualTo(200);
    JsonNode described =
        api.await(path, body -> "COMPLETED".equals(body.at("/task/status").asText()), PATIENCE);
    assertThat(described.path("altText").asText()).isEqualTo(CLEAN_ALT_TEXT);
    assertThat(described.at("/review/pending").asBoolean()).isFalse();

    JsonNode task = api.get("api/v1/tasks/" + described.at("/task/id").asText()).body();
    assertThat(task.toString()).contains("try again");
    assertThat(stepsBy(task, "api:bootstrap")).contains("rejected");
  }

  @Test
  void theContentIsTheOriginalAndThePreviewAtMost600Pixels() throws IOException {
    ollama.answerWith("ollama-ok-clean");
    JsonNode image = api.uploadAndAwait("rocket.jpg", "image/jpeg", "COMPLETED", PATIENCE);
    String path = "api/v1/images/" + image.path("id").asText() + "/content";

    GlimpseClient.Bytes original = api.bytes(path);
    assertThat(original.status()).isEqualTo(200);
    assertThat(original.contentType()).isEqualTo("image/jpeg");
    assertThat(original.body()).isEqualTo(GlimpseClient.resource("/corpus/images/rocket.jpg"));

    GlimpseClient.Bytes preview = api.bytes(path + "?variant=preview");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.contentType()).isEqualTo("image/jpeg");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(preview.body()));
    assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isLessThanOrEqualTo(600);

    GlimpseClient.Bytes unknown = api.bytes(path + "?variant=thumbnail");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anotherClientsImageIsNotFoundForAnyAction() {
    ollama.answerWith("ollama-ok-clean");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);
    String path = "api/v1/images/" + image.path("id").asText();

    assertProblem(other.get(path), 404);
    assertProblem(
        other.sendJson("PATCH", path, Map.of("altText", "mine"), Map.of("If-Match", "\"1\"")), 404);
    assertProblem(
        other.sendJson("POST", path + "/review", Map.of("decision", "approve"), Map.of()), 404);
    assertProblem(other.post(path + "/describe"), 404);
    assertThat(other.bytes(path + "/content").status()).isEqualTo(404);
  }

  @Test
  void badDecisionsAndEmptyEditsAreRefusedWithAProblem() {
    ollama.answerWith("ollama-ok-clean");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);
    String path = "api/v1/images/" + image.path("id").asText();
    String etag = api.get(path).header("ETag");

    assertProblem(
        api.sendJson("POST", path + "/review", Map.of("decision", "maybe"), Map.of()), 400);
    assertProblem(api.sendJson("PATCH", path, Map.of(), Map.of("If-Match", etag)), 400);
    assertProblem(
        api.sendJson("PATCH", path, Map.of("altText", "  "), Map.of("If-Match", etag)), 400);
    assertProblem(
        api.sendJson(
            "PATCH",
            path,
            Map.of("altText", "A cat."),
            Map.of("If-Match", etag, "Content-Type", "text/plain")),
        415);
    assertProblem(
        api.sendJson(
            "PATCH", path, Map.of("altText", "A cat."), Map.of("If-Match", "not-a-version")),
        400);
    assertThat(api.get(path).body().path("altText").asText()).isEqualTo(CLEAN_ALT_TEXT);
  }

  @Test
  void aRefusedSummaryIsNeverServedAndReadsBuyNoNewAttempts() {
    ollama.answerSummaries();
    GlimpseClient.Answer created =
        api.sendJson(
            "POST",
            "api/v1/documents",
            Map.of("title", "Notice", "text", "Keys are secret. Report misuse.", "language", "en"),
            Map.of());
    assertThat(created.status()).isEqualTo(201);
    String document = "api/v1/documents/" + created.body().path("id").asText();
    JsonNode first = api.await(document, body -> body.at("/summary/fresh").asBoolean(), PATIENCE);
    assertThat(first.at("/summary/text").asText()).isEqualTo(OllamaStub.SUMMARY);

    ollama.reset().refuseSummaries();
    GlimpseClient.Answer edited =
        api.sendJson(
            "PUT",
            document,
            Map.of(
                "title",
                "Notice",
                "text",
                "Keys are secret. Report misuse at once.",
                "language",
                "en"),
            Map.of("If-Match", created.header("ETag")));
    assertThat(edited.status()).isEqualTo(200);
    api.await(document, body -> "FLAGGED".equals(body.at("/summary/status").asText()), PATIENCE);
    int callsAfterRefusal = ollama.summaryRequests().size();
    assertThat(callsAfterRefusal).isGreaterThanOrEqualTo(1);

    for (int read = 0; read < 20; read++) {
      GlimpseClient.Answer summary = api.get(document + "/summary");
      assertThat(summary.status()).isEqualTo(200);
      assertThat(summary.body().path("text").asText()).isEqualTo(OllamaStub.SUMMARY);
      assertThat(summary.body().path("fresh").asBoolean()).isFalse();
      assertThat(summary.body().at("/review/pending").asBoolean()).isTrue();
    }
    assertThat(api.get(document).body().at("/summary/status").asText()).isEqualTo("FLAGGED");
    assertThat(ollama.summaryRequests()).hasSize(callsAfterRefusal);

    GlimpseClient.Answer current = api.get(document + "/summary");
    GlimpseClient.Answer unconditional =
        api.sendJson("PATCH", document + "/summary", Map.of("text", "Keep keys secret."), Map.of());
    assertProblem(unconditional, 428);
    GlimpseClient.Answer written =
        api.sendJson(
            "PATCH",
            document + "/summary",
            Map.of(
                "text",
                "Keep keys secret; report misuse at once.",
                "keyPoints",
                List.of("Secret keys.")),
            Map.of("If-Match", current.header("ETag")));
    assertThat(written.status()).isEqualTo(200);
    assertThat(written.body().path("text").asText())
        .isEqualTo("Keep keys secret; report misuse at once.");
    assertThat(written.body().path("fresh").asBoolean()).isTrue();
    assertThat(written.body().at("/review/state").asText()).isEqualTo("EDITED");
    assertThat(written.body().at("/review/pending").asBoolean()).isFalse();
    assertThat(api.get(document + "/summary").body().path("text").asText())
        .isEqualTo("Keep keys secret; report misuse at once.");
    assertThat(ollama.summaryRequests()).hasSize(callsAfterRefusal);
  }

  private static void assertProblem(GlimpseClient.Answer answer, int status) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    assertThat(answer.body().path("detail").asText()).isNotBlank();
  }

  private static List<String> stepsBy(JsonNode task, String actor) {
    List<String> steps = new ArrayList<>();
    for (JsonNode event : task.path("events")) {
      if (actor.equals(event.path("actor").asText())) {
        steps.add(event.path("step").asText());
      }
    }
    return steps;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
