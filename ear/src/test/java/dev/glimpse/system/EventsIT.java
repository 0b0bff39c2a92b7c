package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event stream: each API client sees the changes of its own items and none of another's; a
 * reconnect with Last-Event-ID gets what it missed; idle streams get heartbeats; changes travel
 * through PostgreSQL notifications.
 */
class EventsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final GlimpseClient other = new GlimpseClient(TestEnvironment.OTHER_API_KEY);

  private String uploadImage(GlimpseClient client) {
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    return client.uploadImage("chelsea.png", png, "image/png").body().path("id").asText();
  }

  private String createDocument(GlimpseClient client) {
    return client
        .sendJson(
            "POST",
            "api/v1/documents",
            Map.of("title", "Notice", "text", "Keys are secret. Report misuse.", "language", "en"),
            Map.of())
        .body()
        .path("id")
        .asText();
  }

  @Test
  void eachClientReceivesTheChangesOfItsOwnItemsOnly() {
    ollama.answerWith("ollama-ok-clean").answerSummaries();
    try (EventStream mine = EventStream.open(TestEnvironment.API_KEY, null);
        EventStream theirs = EventStream.open(TestEnvironment.OTHER_API_KEY, null)) {
      assertThat(mine.contentType()).startsWith("text/event-stream");

      String image = uploadImage(api);
      String document = createDocument(other);

      EventStream.Event completed = mine.await(EventStream.of(image, "COMPLETED"), PATIENCE);
      theirs.await(EventStream.of(document, "COMPLETED"), PATIENCE);
      mine.await(EventStream.of(image, "PENDING"), PATIENCE);
      mine.await(EventStream.of(image, "PROCESSING"), PATIENCE);

      assertThat(completed.name()).isEqualTo("task");
      assertThat(completed.id()).isNotBlank();
      assertThat(completed.data().path("kind").asText()).isEqualTo("DESCRIBE_IMAGE");
      assertThat(completed.data().path("subjectType").asText()).isEqualTo("image");
      assertThat(completed.data().path("taskId").asText()).isNotBlank();
      assertThat(completed.data().path("at").asText()).isNotBlank();
      assertThat(completed.data().has("owner")).isFalse();
      assertThat(mine.events())
          .noneMatch(event -> document.equals(event.data().path("subjectId").asText()));
      assertThat(theirs.events())
          .noneMatch(event -> image.equals(event.data().path("subjectId").asText()));
    }
    assertThat(api.get("api/v1/stats").body().path("eventTransport").asText())
        .isEqualTo("postgresql");
  }

  @Test
  void aReconnectWithLastEventIdReceivesWhatItMissed() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(2));
    String image;
    String lastSeen;
    try (EventStream first = EventStream.open(TestEnvironment.API_KEY, null)) {
      image = uploadImage(api);
      lastSeen = first.await(EventStream.of(image, "PENDING"), PATIENCE).id();
    }
    api.await(
        "api/v1/images/" + image,
        body -> "COMPLETED".equals(body.at("/task/status").asText()),
        PATIENCE);

    try (EventStream resumed = EventStream.open(TestEnvironment.API_KEY, lastSeen)) {
      resumed.await(EventStream.of(image, "PROCESSING"), PATIENCE);
      resumed.await(EventStream.of(image, "COMPLETED"), PATIENCE);
      assertThat(resumed.events()).noneMatch(event -> EventStream.of(image, "PENDING").test(event));
    }
  }

  @Test
  void anIdleStreamReceivesHeartbeats() {
    try (EventStream idle = EventStream.open(TestEnvironment.OTHER_API_KEY, null)) {
      idle.awaitComments(3, Duration.ofSeconds(10));
      assertThat(idle.comments()).contains("heartbeat");
    }
  }

  @Test
  void aSubscriptionWithoutAValidKeyIsRefused() {
    GlimpseClient.Answer anonymous = new GlimpseClient(null).get("api/v1/events");
    GlimpseClient.Answer wrongKey = new GlimpseClient("not-a-key").get("api/v1/events");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(wrongKey.status()).isEqualTo(401);
  }
}
