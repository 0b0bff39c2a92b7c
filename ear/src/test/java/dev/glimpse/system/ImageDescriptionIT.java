package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The built EAR in a real WildFly against a real PostgreSQL, with a stub Ollama speaking its wire
 * format: an upload travels through the API, the batch job and the gateway and back.
 */
class ImageDescriptionIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void anUploadIsDescribedByTheModelAndCompletesWithAnAuditTrail() throws IOException {
    ollama.answerWith("ollama-ok-clean");

    GlimpseClient.Answer created =
        api.uploadImage(
            "chelsea.png",
            GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
            "image/png");

    assertThat(created.status()).isEqualTo(202);
    String id = created.body().path("id").asText();
    assertThat(created.location()).endsWith("/api/v1/images/" + id);
    assertThat(created.body().path("width").asInt()).isEqualTo(451);
    assertThat(created.body().path("height").asInt()).isEqualTo(300);

    JsonNode image =
        api.await(
            "api/v1/images/" + id,
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            PATIENCE);
    assertThat(image.path("altText").asText())
        .isEqualTo(
            "A grey tabby cat with green eyes sits on a wooden floor, looking up toward the viewer with its ears pricked.");
    assertThat(texts(image.path("labels")))
        .containsExactly("Cat", "Tabby", "Pet", "Animal", "Indoors", "Wooden Floor", "Green Eyes");
    assertThat(image.path("aiGenerated").asBoolean()).isTrue();
    assertThat(image.at("/provenance/provider").asText()).isEqualTo("ollama");
    assertThat(image.at("/provenance/model").asText()).isEqualTo("llava:7b");
    assertThat(image.at("/provenance/promptVersion").asText()).isEqualTo("alt-text-2");

    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(transitions(task))
        .containsExactly("null→PENDING", "PENDING→PROCESSING", "PROCESSING→COMPLETED");
    assertThat(steps(task)).contains("prepared", "model-called");
    assertThat(task.path("lastResponse").asText()).contains("\"done_reason\":\"stop\"");

    List<JsonNode> requests = ollama.chatRequests();
    assertThat(requests).hasSize(1);
    JsonNode chat = requests.get(0);
    assertThat(chat.path("model").asText()).isEqualTo("llava:7b");
    assertThat(chat.path("stream").isBoolean()).isTrue();
    assertThat(chat.path("stream").asBoolean()).isFalse();
    assertThat(chat.at("/format/properties/description/type").asText()).isEqualTo("string");
    assertThat(chat.at("/format/properties/labels/type").asText()).isEqualTo("array");
    String base64 = chat.at("/messages/1/images/0").asText();
    assertThat(base64).doesNotStartWith("data:");
    BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    assertThat(sent.getWidth()).isEqualTo(451);
    assertThat(sent.getHeight()).isEqualTo(300);
  }

  @Test
  void theSameBytesInTwoLanguagesMakeTwoModelCallsEachAskingForItsLanguage() {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));

    for (String language : List.of("en", "de")) {
      GlimpseClient.Answer created =
          api.uploadImage(
              "cat-" + language + ".png", png, "image/png", Map.of("language", language));
      assertThat(created.status()).isEqualTo(202);
      api.await(
          "api/v1/images/" + created.body().path("id").asText(),
          body -> Set.of("COMPLETED", "FLAGGED").contains(body.at("/task/status").asText()),
          PATIENCE);
    }

    assertThat(ollama.callsPerImage()).hasSize(1).containsValue(2);
    assertThat(ollama.chatRequests())
        .map(chat -> chat.at("/messages/0/content").asText())
        .anyMatch(system -> system.contains("Write the description and the labels in English."))
        .anyMatch(system -> system.contains("Write the description and the labels in German."));
  }

  @Test
  void anUploadWithDescribeFalseIsStoredWithoutATaskAndAnotherValueIsRefused() {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));

    GlimpseClient.Answer stored =
        api.uploadImage("archive.png", png, "image/png", Map.of("describe", "false"));
    GlimpseClient.Answer refused =
        api.uploadImage("archive.png", png, "image/png", Map.of("describe", "later"));

    assertThat(stored.status()).isEqualTo(202);
    assertThat(stored.body().path("task").isNull()).isTrue();
    assertThat(stored.body().path("altText").isNull()).isTrue();
    JsonNode image = api.get("api/v1/images/" + stored.body().path("id").asText()).body();
    assertThat(image.path("task").isNull()).isTrue();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("detail").asText())
        .isEqualTo("describe must be 'true' or 'false', not 'later'");
    assertThat(ollama.chatRequests()).isEmpty();
  }

  @Test
  void theCallersImagesCanBeFilteredByStatusLabelAndText() {
    ollama.answerWith("ollama-ok-clean");
    String id =
        api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE).path("id").asText();

    assertThat(ids(api.get("api/v1/images?status=COMPLETED&label=Tabby&size=200").body()))
        .contains(id);
    assertThat(ids(api.get("api/v1/images?q=green%20eyes&aiGenerated=true&size=200").body()))
        .contains(id);
    assertThat(ids(api.get("api/v1/images?label=Dog&size=200").body())).doesNotContain(id);
    assertThat(ids(api.get("api/v1/images?status=FAILED&size=200").body())).doesNotContain(id);
    assertThat(api.get("api/v1/images?status=LOST").status()).isEqualTo(400);
    assertThat(api.get("api/v1/images?size=0").status()).isEqualTo(400);
  }

  @Test
  void aModelThatDoesNotExistFailsTheTaskAtOnceWithTheProvidersReason() {
    ollama.answerWith("ollama-model-not-found");

    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "FAILED", PATIENCE);

    assertThat(image.at("/task/attempts").asInt()).isEqualTo(1);
    assertThat(image.at("/task/errorKind").asText()).isEqualTo("permanent");
    assertThat(image.at("/task/lastError").asText()).contains("404").contains("not found");
    assertThat(image.path("altText").isNull()).isTrue();
  }

  /**
   * Its header reads, so the upload is taken; the image data stops short, so preparation fails and
   * the task ends FAILED at once with the decoder's reason, and no model is asked.
   */
  @Test
  void aTruncatedJpegFailsAtOnceWithAReadableReason() {
    ollama.answerWith("ollama-ok-clean");

    JsonNode image = api.uploadAndAwait("truncated.jpg", "image/jpeg", "FAILED", PATIENCE);

    assertThat(image.at("/task/attempts").asInt()).isEqualTo(1);
    assertThat(image.at("/task/errorKind").asText()).isEqualTo("permanent");
    assertThat(image.at("/task/lastError").asText()).startsWith("The image cannot be decoded");
    assertThat(ollama.chatRequests()).isEmpty();
  }

  @Test
  void anUploadOverTheByteLimitIsRefusedWith413AndNothingIsStored() {
    byte[] tooBig = new byte[6 * 1024 * 1024];
    byte[] png = GlimpseClient.resource("/corpus/images/chelsea.png");
    System.arraycopy(png, 0, tooBig, 0, png.length);
    long before = api.get("api/v1/images?size=1").body().path("total").asLong();

    GlimpseClient.Answer answer = api.uploadImage("huge.png", tooBig, "image/png");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("detail").asText()).contains("5242880");
    assertThat(api.get("api/v1/images?size=1").body().path("total").asLong()).isEqualTo(before);
  }

  @Test
  void identicalWorkIsCompletedFromTheEarlierResultWithoutAModelCall() {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    JsonNode first = upload(png, Map.of());
    api.await(
        "api/v1/images/" + first.path("id").asText(),
        body -> "COMPLETED".equals(body.at("/task/status").asText()),
        PATIENCE);

    JsonNode second =
        api.await(
            "api/v1/images/" + upload(png, Map.of()).path("id").asText(),
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            PATIENCE);

    assertThat(ollama.chatRequests()).hasSize(1);
    assertThat(second.path("altText").asText()).startsWith("A grey tabby cat");
    assertThat(second.at("/provenance/inputHash").asText())
        .hasSize(64)
        .isEqualTo(
            api.get("api/v1/images/" + first.path("id").asText())
                .body()
                .at("/provenance/inputHash")
                .asText());
    JsonNode task = api.get("api/v1/tasks/" + second.at("/task/id").asText()).body();
    assertThat(task.path("events").findValuesAsText("step")).contains("reused");
  }

  @Test
  void anIdempotencyKeyReturnsTheSameImageAndRefusesOtherContent() {
    ollama.answerWith("ollama-ok-clean");
    String key = "upload-" + UUID.randomUUID();
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));

    GlimpseClient.Answer first =
        api.uploadImage(
            "a.png", png, "image/png", Map.<String, String>of(), Map.of("Idempotency-Key", key));
    GlimpseClient.Answer again =
        api.uploadImage(
            "a.png", png, "image/png", Map.<String, String>of(), Map.of("Idempotency-Key", key));
    GlimpseClient.Answer other =
        api.uploadImage(
            "b.png",
            GlimpseClient.uniqueCopy(png),
            "image/png",
            Map.of(),
            Map.of("Idempotency-Key", key));

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().path("detail").asText()).contains(key);
  }

  @Test
  void aDeletedImageIsGoneAndItsWaitingTaskIsDiscarded() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(2));
    JsonNode busy =
        upload(
            GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
            Map.of());
    String id = busy.path("id").asText();
    String taskId = busy.at("/task/id").asText();

    GlimpseClient.Answer deleted = api.delete("api/v1/images/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("api/v1/images/" + id).status()).isEqualTo(404);
    JsonNode task =
        api.await(
            "api/v1/tasks/" + taskId,
            body -> body.path("status").asText().matches("FAILED|COMPLETED"),
            PATIENCE);
    assertThat(task.path("status").asText()).isEqualTo("FAILED");
    assertThat(task.path("errorKind").asText()).isEqualTo("discarded");
    assertThat(api.delete("api/v1/images/" + id).status()).isEqualTo(404);
  }

  private JsonNode upload(byte[] png, Map<String, String> fields) {
    GlimpseClient.Answer answer = api.uploadImage("chelsea.png", png, "image/png", fields);
    assertThat(answer.status()).isEqualTo(202);
    return answer.body();
  }

  @Test
  void aTextFileNamedJpgIsNotAnAcceptedImageType() {
    GlimpseClient.Answer answer =
        api.uploadImage(
            "notes.jpg",
            "just some text".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "image/jpeg");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void withoutAValidApiKeyTheApiAnswers401() {
    GlimpseClient.Answer anonymous = new GlimpseClient(null).get("api/v1/images/anything");
    GlimpseClient.Answer wrongKey = new GlimpseClient("not-the-key").get("api/v1/images/anything");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(wrongKey.status()).isEqualTo(401);
  }

  @Test
  void anUnknownImageIs404() {
    GlimpseClient.Answer answer = api.get("api/v1/images/00000000-0000-0000-0000-000000000000");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("title").asText()).isEqualTo("Not found");
  }

  @Test
  void readinessReportsPostgresqlThroughEclipseLinkToAnAdminClientOnly() {
    GlimpseClient.Answer anonymous = new GlimpseClient(null).get("health/ready");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.body().path("checks").findValues("data")).isEmpty();
    assertThat(anonymous.body().path("checks").findValuesAsText("name")).contains("database");
    GlimpseClient.Answer normal =
        new GlimpseClient(TestEnvironment.OTHER_API_KEY).get("health/ready");
    assertThat(normal.body().path("checks").findValues("data")).isEmpty();

    GlimpseClient.Answer answer = api.get("health/ready");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode database = null;
    for (JsonNode check : answer.body().path("checks")) {
      if ("database".equals(check.path("name").asText())) {
        database = check;
      }
    }
    assertThat(database).isNotNull();
    assertThat(database.at("/data/product").asText()).isEqualTo("PostgreSQL");
    assertThat(database.at("/data/jpaProvider").asText())
        .startsWith("EclipseLink (org.eclipse.persistence.internal.jpa.EntityManagerImpl");
  }

  @Test
  void theOpenApiDocumentDescribesTheApiAndItsBearerKey() {
    GlimpseClient.Answer answer = new GlimpseClient(null).get("openapi?format=JSON");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode document = answer.body();
    assertThat(document.at("/info/title").asText()).isEqualTo("Glimpse API");
    assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText())
        .isEqualTo("bearer");
    List<String> paths = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/v1/images",
            "/api/v1/documents/{id}/summary",
            "/api/v1/events",
            "/api/v1/tasks/{id}/retry",
            "/api/v1/admin/clients/{name}/rotate")
        .allMatch(path -> path.startsWith("/api/v1/"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static List<String> transitions(JsonNode task) {
    List<String> transitions = new ArrayList<>();
    for (JsonNode event : task.path("events")) {
      String from = event.path("from").isNull() ? "null" : event.path("from").asText();
      String to = event.path("to").asText();
      if (!from.equals(to)) {
        transitions.add(from + "→" + to);
      }
    }
    return transitions;
  }

  private static List<String> steps(JsonNode task) {
    List<String> steps = new ArrayList<>();
    task.path("events").forEach(event -> steps.add(event.path("step").asText()));
    return steps;
  }
}
