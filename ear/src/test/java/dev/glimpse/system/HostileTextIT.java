package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.DocumentItemPage;
import dev.glimpse.system.console.DocumentsPage;
import dev.glimpse.system.console.ImageItemPage;
import dev.glimpse.system.console.ImagesPage;
import dev.glimpse.system.console.LoginPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Markup in what clients send is shown as the text it is: a filename, an ALT text, a label, a
 * document's title and its summary, each holding an image whose error handler and a script that
 * would write to the browser's console, are shown verbatim on the console's pages, and nothing of
 * them runs. The browser's log is the witness: it records what {@code console.error} writes and
 * every script the Content Security Policy blocks.
 */
class HostileTextIT extends DeployedEarTest {

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  /** Markup that writes {@code field} to the console if it is ever taken as markup. */
  private static String payload(String field) {
    return "<img src=x onerror=console.error('xss-"
        + field
        + "')><script>console.error('xss-"
        + field
        + "')</script>";
  }

  @Test
  void markupInFilenamesTextsLabelsTitlesAndSummariesIsShownAsTextAndNeverRuns() {
    String filename = "x" + System.nanoTime() + payload("filename") + ".png";
    String altText = "A reading room " + payload("alt-text");
    String label = payload("label");
    GlimpseClient.Answer uploaded =
        api.uploadImage(
            filename,
            GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
            "image/png",
            Map.of("altText", altText));
    assertThat(uploaded.status()).isEqualTo(202);
    String image = uploaded.body().path("id").asText();
    String version = api.get("api/v1/images/" + image).header("ETag");
    assertThat(
            api.sendJson(
                    "PATCH",
                    "api/v1/images/" + image,
                    Map.of("labels", List.of(label)),
                    Map.of("If-Match", version))
                .status())
        .isEqualTo(200);

    ollama.refuseSummaries();
    String title = "Notice " + System.nanoTime() + payload("title");
    String summary = "The archive closes early. " + payload("summary");
    String document =
        api.createDocument(title, "The archive closes early on Friday and opens again on Monday.")
            .body()
            .path("id")
            .asText();
    assertThat(
            api.sendJson(
                    "PATCH",
                    "api/v1/documents/" + document + "/summary",
                    Map.of("text", summary),
                    Map.of("If-Match", "\"0\""))
                .status())
        .isEqualTo(200);

    ImagesPage images = LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
    assertThat(images.visibleText()).contains(filename);
    ImagesPage.Row row = images.rowFor(filename);
    assertThat(row.filename()).isEqualTo(filename);
    assertThat(row.altText()).isEqualTo(altText);
    assertThat(row.labels()).containsExactly(label);
    ImageItemPage item = images.open(filename);
    assertThat(item.currentText()).isEqualTo(altText);
    assertThat(item.visibleText()).contains(filename).contains(label);

    DocumentsPage documents = item.goToDocuments();
    DocumentsPage.Row listed = documents.waitForSummary(title);
    assertThat(listed.summary()).isEqualTo(summary);
    assertThat(documents.visibleText()).contains(title);
    DocumentItemPage page = DocumentItemPage.open(browser, document);
    assertThat(page.visibleText()).contains(title).contains(summary);

    browser.consoleError("glimpse-log-witness");
    assertThat(browser.javaScriptErrors())
        .as("the browser's log: only the witness written to show that the log is read")
        .singleElement()
        .asString()
        .contains("glimpse-log-witness");
  }
}
