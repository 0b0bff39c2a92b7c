package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.ImageItemPage;
import dev.glimpse.system.console.LoginPage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ALT-text prompt's version changes while the server runs (a system property, as an operator
 * would set GLIMPSE_PROMPT_ALT_TEXT_VERSION): texts of the version before are marked, a text made
 * again waits beside the old one, the image page shows both with the changed words marked, and
 * either can be kept.
 */
class PromptVersionsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofMinutes(1);
  private static final String VERSION = "glimpse.prompt.alt-text.version";
  private static final String OLD_TEXT =
      "A grey tabby cat with green eyes sits on a wooden floor, looking up toward the viewer with"
          + " its ears pricked.";
  private static final String NEW_TEXT =
      "A tabby cat with green eyes sits on a stone floor, looking up toward the viewer.";

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @AfterEach
  void backToTheBuiltInPrompt() {
    SuiteServer.removeSystemProperty(VERSION);
  }

  @Test
  void aNewPromptsTextWaitsBesideTheOldOneAndEitherCanBeKept() {
    ollama.answerWith("ollama-ok-clean");
    String name = "prompt-" + UUID.randomUUID() + ".png";
    JsonNode image =
        api.uploadAsAndAwait("chelsea.png", name, Map.of(), Set.of("COMPLETED"), PATIENCE);
    String id = image.path("id").asText();
    assertThat(image.path("altText").asText()).isEqualTo(OLD_TEXT);
    assertThat(image.at("/provenance/promptVersion").asText()).isEqualTo("alt-text-2");

    switchPromptTo("alt-text-3");
    JsonNode outdated = api.get("api/v1/images?outdated=true&q=" + name).body();
    assertThat(outdated.path("items")).as("the texts of an older prompt").hasSize(1);
    assertThat(outdated.at("/items/0/id").asText()).isEqualTo(id);

    ollama.answerWith(answering(NEW_TEXT));
    assertThat(api.post("api/v1/images/" + id + "/describe").status()).isEqualTo(202);
    JsonNode compared =
        api.await(
            "api/v1/images/" + id,
            body -> "alt-text-3".equals(body.at("/proposal/promptVersion").asText()),
            PATIENCE);
    assertThat(compared.path("altText").asText())
        .as("what clients get meanwhile")
        .isEqualTo(OLD_TEXT);
    assertThat(compared.at("/provenance/promptVersion").asText()).isEqualTo("alt-text-2");
    assertThat(compared.at("/proposal/altText").asText()).isEqualTo(NEW_TEXT);

    LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
    ImageItemPage page =
        ImageItemPage.openAt(browser, GlimpseClient.BASE + "admin/image.xhtml?id=" + id);
    assertThat(page.comparedTexts()).containsExactly(OLD_TEXT, NEW_TEXT);
    assertThat(page.markedWords())
        .contains("grey", "wooden", "stone")
        .doesNotContain("tabby cat with green eyes");
    Accessibility.check(browser);

    page.keepCurrent();
    assertThat(page.currentText()).isEqualTo(OLD_TEXT);
    assertThat(page.history()).anyMatch(text -> text.contains(NEW_TEXT));
    JsonNode kept = api.get("api/v1/images/" + id).body();
    assertThat(kept.path("altText").asText()).isEqualTo(OLD_TEXT);
    assertThat(kept.path("proposal").isNull()).isTrue();
    assertThat(kept.at("/review/state").asText()).isEqualTo("APPROVED");

    assertThat(api.post("api/v1/images/" + id + "/describe").status()).isEqualTo(202);
    api.await("api/v1/images/" + id, body -> !body.path("proposal").isNull(), PATIENCE);
    GlimpseClient.Answer taken =
        api.sendJson(
            "POST", "api/v1/images/" + id + "/review", Map.of("decision", "approve"), Map.of());
    assertThat(taken.body().path("altText").asText()).isEqualTo(NEW_TEXT);
    assertThat(taken.body().at("/provenance/promptVersion").asText()).isEqualTo("alt-text-3");
  }

  private void switchPromptTo(String version) {
    SuiteServer.setSystemProperty(VERSION, version);
  }

  /** The stub's clean answer, with {@code description} in place of its own. */
  private static JsonNode answering(String description) {
    ObjectNode exchange = OllamaStub.exchange("ollama-ok-clean").deepCopy();
    ObjectNode message = (ObjectNode) exchange.at("/body/message");
    message.put(
        "content", "{\"description\": \"" + description + "\", \"labels\": [\"Cat\", \"Tabby\"]}");
    return exchange;
  }
}
