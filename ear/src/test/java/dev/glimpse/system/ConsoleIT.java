package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.ConsolePage.Focus;
import dev.glimpse.system.console.DocumentsPage;
import dev.glimpse.system.console.ImagesPage;
import dev.glimpse.system.console.LoginPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console in a real headless Chromium: a reviewer signs in, sees the uploaded image's ALT text
 * and the lists update by themselves; every page passes axe-core's WCAG 2.1 AA rules and works from
 * the keyboard.
 */
class ConsoleIT extends DeployedEarTest {

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @Test
  void aReviewerSignsInAndSeesTheAltTextOfAnUploadedImage() {
    ollama.answerWith("ollama-ok-clean");
    api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(30));

    LoginPage login = LoginPage.open(browser);
    assertThat(browser.currentUrl()).contains("/login.xhtml");
    ImagesPage images = login.signInAs("admin", TestEnvironment.ADMIN_PASSWORD);

    assertThat(browser.currentUrl()).contains("/admin/images.xhtml");
    ImagesPage.Row row = images.rowFor("chelsea.png");
    assertThat(row.altText()).startsWith("A grey tabby cat with green eyes sits on a wooden floor");
    assertThat(row.labels()).containsSequence("Cat", "Tabby", "Pet");
    assertThat(row.status()).isEqualTo("COMPLETED");
    assertThat(images.showsNoModelNotice()).isFalse();
    assertThat(browser.javaScriptErrors()).isEmpty();
    browser.keepScreenshot("console-images.png");
  }

  @Test
  void theListUpdatesByItselfWhenAnImageIsDescribed() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(1));
    ImagesPage images = signIn();
    String filename = "live-" + System.nanoTime() + ".png";
    assertThat(images.filenames()).doesNotContain(filename);

    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    assertThat(api.uploadImage(filename, png, "image/png").status()).isEqualTo(202);

    images.waitForRow(filename, "COMPLETED");
    images.waitForAnnouncement("List updated");
    assertThat(browser.javaScriptErrors()).isEmpty();
  }

  @Test
  void aDocumentsSummaryAppearsByItselfInTheDocumentList() {
    ollama.answerSummaries();
    DocumentsPage documents = signIn().goToDocuments();
    String title = "Notice " + System.nanoTime();

    assertThat(createDocument(title).status()).isEqualTo(201);

    DocumentsPage.Row row = documents.waitForSummary(title);
    assertThat(row.summary()).isEqualTo(OllamaStub.SUMMARY);
    assertThat(row.status()).isEqualTo("COMPLETED");
    assertThat(browser.javaScriptErrors()).isEmpty();
    browser.keepScreenshot("console-documents.png");
  }

  @Test
  void aWrongPasswordKeepsTheReviewerOnTheSignInPage() {
    LoginPage login = LoginPage.open(browser).signInFailingAs("admin", "not-the-password");

    assertThat(login.error()).isEqualTo("The user name or password is not right.");
    assertThat(ImagesPage.isOpenIn(browser)).isFalse();
  }

  @Test
  void everyConsolePagePassesAxe() {
    ollama.answerWith("ollama-ok-clean").answerSummaries();
    api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(30));
    api.uploadAndAwait("truncated.jpg", "image/jpeg", "FAILED", Duration.ofSeconds(30));
    String title = "Accessible notice " + System.nanoTime();
    assertThat(createDocument(title).status()).isEqualTo(201);

    LoginPage login = LoginPage.open(browser);
    Accessibility.check(browser);

    ImagesPage images = login.signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
    assertThat(images.rowFor("chelsea.png").altText()).isNotEmpty();
    assertThat(images.rowFor("truncated.jpg").altText()).isEmpty();
    Accessibility.check(browser);

    DocumentsPage documents = images.goToDocuments();
    documents.waitForSummary(title);
    Accessibility.check(browser);
  }

  @Test
  void theChoiceOfRowsPerPageHasAName() {
    assertThat(signIn().rowsPerPageName()).isEqualTo("Rows per page");
  }

  @Test
  void theSkipLinkAndTheNavigationAreReachedWithTabAndShowTheirFocus() {
    ImagesPage images = signIn();

    Focus skipLink = images.pressTab();
    assertThat(skipLink.text()).isEqualTo("Skip to content");
    assertThat(skipLink.onScreen()).isTrue();
    assertThat(skipLink.outlineStyle()).isNotEqualTo("none");

    for (String link :
        List.of(
            "Dashboard",
            "Review",
            "Images",
            "Documents",
            "Failures",
            "Upload",
            "Backfills",
            "API clients",
            "Users",
            "Settings")) {
      Focus focus = images.pressTab();
      assertThat(focus.text()).isEqualTo(link);
      assertThat(focus.landmark()).isEqualTo("nav");
      assertThat(focus.outlineStyle()).isNotEqualTo("none");
    }
  }

  @Test
  void theSkipLinkTakesTheKeyboardPastTheNavigationToTheContent() {
    ImagesPage images = signIn();
    images.pressTab();

    images.pressEnter();
    Focus afterSkipping = images.pressTab();

    assertThat(afterSkipping.landmark()).isEqualTo("main");
    assertThat(afterSkipping.outlineStyle()).isNotEqualTo("none");
  }

  private ImagesPage signIn() {
    return LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
  }

  private GlimpseClient.Answer createDocument(String title) {
    return api.sendJson(
        "POST",
        "api/v1/documents",
        Map.of("title", title, "text", "Keys are secret. Report misuse.", "language", "en"),
        Map.of());
  }
}
