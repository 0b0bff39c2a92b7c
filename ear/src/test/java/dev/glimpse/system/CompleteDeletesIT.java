package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting an item takes with it what its tasks held of it: the model's raw answer and the wording
 * of errors and steps. The task's trail keeps its changes of status as bare facts, and a line that
 * the item was deleted, by whom and when.
 */
class CompleteDeletesIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aDeletedImagesTaskShowsNoRawAnswerAndOnlyTheDeletionInItsTrail() {
    ollama.answerWith("ollama-refusal");
    JsonNode image = api.uploadAndAwait("chelsea.png", "image/png", "FLAGGED", PATIENCE);
    String task = "api/v1/tasks/" + image.at("/task/id").asText();
    JsonNode before = api.get(task).body();
    assertThat(before.path("lastResponse").asText()).contains("identifying people");
    assertThat(before.path("events").size()).isGreaterThan(1);

    assertThat(api.delete("api/v1/images/" + image.path("id").asText()).status()).isEqualTo(204);

    JsonNode after = api.get(task).body();
    assertThat(after.path("lastResponse").isNull()).isTrue();
    JsonNode events = after.path("events");
    JsonNode deletion = events.get(events.size() - 1);
    assertThat(deletion.path("step").asText()).isEqualTo("item-deleted");
    assertThat(deletion.path("actor").asText()).isEqualTo("api:bootstrap");
    for (int i = 0; i < events.size() - 1; i++) {
      assertThat(events.get(i).path("from").asText())
          .as("a line kept is a change of status")
          .isNotEqualTo(events.get(i).path("to").asText());
      assertThat(events.get(i).path("message").isNull()).as("its wording is gone").isTrue();
    }
    assertThat(after.toString()).doesNotContain("identifying people");
  }

  @Test
  void aDeletedDocumentsTaskShowsNoRawAnswer() {
    ollama.answerSummaries();
    String title = "Deleted " + UUID.randomUUID();
    String id =
        api.createDocument(
                title,
                "A notice that the archive closes on Friday and opens again on Monday morning.")
            .body()
            .path("id")
            .asText();
    api.await(
        "api/v1/documents/" + id + "/summary", body -> body.path("fresh").asBoolean(), PATIENCE);
    String task = "api/v1/tasks/" + taskOf(id);
    assertThat(api.get(task).body().path("lastResponse").asText()).isNotBlank();

    assertThat(api.delete("api/v1/documents/" + id).status()).isEqualTo(204);

    JsonNode after = api.get(task).body();
    assertThat(after.path("lastResponse").isNull()).isTrue();
    assertThat(after.toString()).doesNotContain("Friday").contains("item-deleted");
  }

  private String taskOf(String document) {
    for (JsonNode task :
        api.get("api/v1/tasks?kind=SUMMARIZE_DOCUMENT&size=100").body().path("items")) {
      if (document.equals(task.path("subjectId").asText())) {
        return task.path("id").asText();
      }
    }
    throw new AssertionError("no summary task of document " + document);
  }
}
