package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.BackfillsPage;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backfills from the console and the API: an admin goes from a filtered images page to a dry run,
 * starts what it previewed, pauses and resumes it; the API refuses what makes no sense with a
 * problem, keeps every client to its own backfills, and cancels.
 */
class BackfillsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofMinutes(1);

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  private final GlimpseClient other = new GlimpseClient(TestEnvironment.OTHER_API_KEY);

  private String uploadWithoutDescription(String filename, int index) {
    GlimpseClient.Answer created =
        api.uploadImage(
            filename, TestImages.distinctPng(index), "image/png", Map.of("describe", "false"));
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.body().path("task").isNull()).isTrue();
    return created.body().path("id").asText();
  }

  @Test
  void anAdminPreviewsAFilteredBackfillStartsItPausesAndResumesIt() {
    String prefix = "console-backfill-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      uploadWithoutDescription(prefix + "-" + i + ".png", 200 + i);
    }
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(2));

    BackfillsPage page =
        LoginPage.open(browser)
            .signInAs("admin", TestEnvironment.ADMIN_PASSWORD)
            .filter("Search", prefix)
            .backfillThese();
    assertThat(page.textFilter()).isEqualTo(prefix);

    List<String> plan = page.cap("2").dryRun();
    assertThat(plan.get(0))
        .isEqualTo("2 images without ALT text would go to the queue, of 3 found (the cap).");
    assertThat(plan.get(1)).startsWith("About ").contains("tokens");
    Accessibility.check(browser);

    page.start();
    assertThat(page.newestStatus()).isEqualTo("RUNNING");
    page.press("Pause");
    assertThat(page.newestStatus()).isEqualTo("PAUSED");
    assertThat(page.backfills().get(0)).contains("paused by user:admin");
    Accessibility.check(browser);

    page.press("Resume");
    page.awaitNewestStatus("DONE");
    assertThat(page.backfills().get(0)).startsWith("2 of 2 done (100%) · 2 handed to the queue");
  }

  @Test
  void theApiAnswersAProblemForWhatMakesNoSenseKeepsClientsApartAndCancels() {
    String prefix = "api-backfill-" + UUID.randomUUID();
    uploadWithoutDescription(prefix + ".png", 300);

    assertProblem(Map.of("filter", Map.of("q", prefix)), 400, "kind is required");
    assertProblem(Map.of("kind", "PAINT_IMAGE"), 400, "kind 'PAINT_IMAGE' is not one of");
    assertProblem(Map.of("kind", "DESCRIBE_IMAGE", "cap", 0), 400, "cap must be at least 1");
    assertProblem(
        Map.of("kind", "SUMMARIZE_DOCUMENT", "filter", Map.of("errorKind", "transient")),
        400,
        "the error-kind filter applies to images only");

    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(3));
    JsonNode started =
        api.sendJson(
                "POST",
                "api/v1/backfills",
                Map.of("kind", "DESCRIBE_IMAGE", "filter", Map.of("q", prefix)),
                Map.of())
            .body();
    String backfill = "api/v1/backfills/" + started.path("id").asText();
    assertThat(started.path("planned").asInt()).isEqualTo(1);

    assertThat(other.get(backfill).status()).as("another client's backfill").isEqualTo(404);
    assertThat(
            other
                .sendJson(
                    "POST",
                    "api/v1/backfills?dryRun=true",
                    Map.of("kind", "DESCRIBE_IMAGE", "filter", Map.of("q", prefix)),
                    Map.of())
                .body()
                .path("candidates")
                .asLong())
        .as("another client's images")
        .isZero();
    assertThat(api.get("api/v1/backfills").body().findValuesAsText("id"))
        .contains(started.path("id").asText());

    GlimpseClient.Answer cancelled = api.delete(backfill);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.body().path("statusBy").asText()).isEqualTo("api:bootstrap");
    GlimpseClient.Answer again = api.post(backfill + "/resume");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.body().path("detail").asText()).contains("is CANCELLED and cannot be resumed");

    GlimpseClient.Answer documents =
        api.sendJson(
            "POST",
            "api/v1/backfills?dryRun=true",
            Map.of("kind", "SUMMARIZE_DOCUMENT", "filter", Map.of("q", prefix)),
            Map.of());
    assertThat(documents.status()).isEqualTo(200);
    assertThat(documents.body().path("candidates").asLong()).isZero();
  }

  private void assertProblem(Map<String, Object> request, int status, String detail) {
    GlimpseClient.Answer answer =
        api.sendJson("POST", "api/v1/backfills?dryRun=true", request, Map.of());
    assertThat(answer.status()).as("%s", request).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("detail").asText()).contains(detail);
  }
}
