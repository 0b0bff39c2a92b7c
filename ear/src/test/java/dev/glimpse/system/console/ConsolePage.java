package dev.glimpse.system.console;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every signed-in console page shares through its template: the skip link, the navigation, the
 * notice shown without an AI model, the table's paginator and the polite live region that announces
 * list updates.
 */
public abstract class ConsolePage {

  /** What has the keyboard focus: its text, the landmark it is in and how it is outlined. */
  public record Focus(String text, String landmark, String outlineStyle, boolean onScreen) {}

  private static final String DESCRIBE_FOCUS =
      "const e = document.activeElement, box = e.getBoundingClientRect(),"
          + " landmark = e.closest('nav, main, header');"
          + " return [e.innerText || '', landmark ? landmark.localName : '',"
          + " getComputedStyle(e).outlineStyle,"
          + " box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight];";

  /** How long a change takes to reach an open page through the websocket. */
  static final Duration LIVE_UPDATE_PATIENCE = Duration.ofSeconds(30);

  final ConsoleBrowser browser;

  ConsolePage(ConsoleBrowser browser) {
    this.browser = browser;
  }

  /** Follows the navigation's Dashboard link. */
  public DashboardPage goToDashboard() {
    browser.driver().findElement(By.id("nav-dashboard")).click();
    return DashboardPage.shownIn(browser);
  }

  /** Follows the navigation's Review link. */
  public ReviewQueuePage goToReview() {
    browser.driver().findElement(By.id("nav-review")).click();
    return ReviewQueuePage.shownIn(browser);
  }

  /** Follows the navigation's Images link. */
  public ImagesPage goToImages() {
    browser.driver().findElement(By.id("nav-images")).click();
    return ImagesPage.shownIn(browser);
  }

  /** Follows the navigation's Failures link. */
  public FailuresPage goToFailures() {
    browser.driver().findElement(By.id("nav-failures")).click();
    return FailuresPage.shownIn(browser);
  }

  /** Follows the navigation's Upload link. */
  public UploadPage goToUpload() {
    browser.driver().findElement(By.id("nav-upload")).click();
    return UploadPage.shownIn(browser);
  }

  /** Follows the navigation's Backfills link (admins only). */
  public BackfillsPage goToBackfills() {
    browser.driver().findElement(By.id("nav-backfills")).click();
    return BackfillsPage.shownIn(browser);
  }

  /** Follows the navigation's API clients link (admins only). */
  public ApiClientsPage goToApiClients() {
    browser.driver().findElement(By.id("nav-clients")).click();
    return ApiClientsPage.shownIn(browser);
  }

  /** Follows the navigation's Users link (admins only). */
  public UsersPage goToUsers() {
    browser.driver().findElement(By.id("nav-users")).click();
    return UsersPage.shownIn(browser);
  }

  /** Signs out; the sign-in page follows. */
  public LoginPage signOut() {
    loadingNewPage(() -> browser.driver().findElement(By.id("account:sign-out")).click());
    return LoginPage.shownIn(browser);
  }

  /** The navigation's links, as the signed-in user sees them. */
  public List<String> navigation() {
    return linesOf(By.cssSelector("header nav a"));
  }

  /** Follows the navigation's Settings link (admins only). */
  public SettingsPage goToSettings() {
    browser.driver().findElement(By.id("nav-settings")).click();
    return SettingsPage.shownIn(browser);
  }

  /**
   * The text of every element {@code elements} finds, each on one line, read again when a live
   * update replaced them meanwhile.
   */
  List<String> linesOf(By elements) {
    return browser
        .waiting()
        .until(
            driver ->
                driver.findElements(elements).stream()
                    .map(element -> element.getText().replaceAll("\\s+", " ").trim())
                    .toList());
  }

  /**
   * All the text the page shows, once it has loaded whole: its images, those that failed too, have
   * been fetched and their handlers have run.
   */
  public String visibleText() {
    browser
        .waiting()
        .until(
            driver ->
                "complete"
                        .equals(
                            ((JavascriptExecutor) driver)
                                .executeScript("return document.readyState"))
                    ? Boolean.TRUE
                    : null);
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  /** The messages the page shows now (what an action did), in order. */
  public List<String> messages() {
    return browser.driver().findElements(By.cssSelector(".messages li")).stream()
        .map(message -> message.getText().trim())
        .toList();
  }

  /** Waits until the page shows a message containing {@code text}, and returns it. */
  public String waitForMessage(String text) {
    return browser
        .waiting()
        .withMessage(() -> "a message with '" + text + "'; shown: " + messages())
        .until(
            driver -> messages().stream().filter(m -> m.contains(text)).findFirst().orElse(null));
  }

  /** Follows the navigation's Documents link. */
  public DocumentsPage goToDocuments() {
    browser.driver().findElement(By.id("nav-documents")).click();
    return DocumentsPage.shownIn(browser);
  }

  /** Whether the page warns that no AI model is configured. */
  public boolean showsNoModelNotice() {
    return !browser.driver().findElements(By.id("no-model")).isEmpty();
  }

  /** The name a screen reader gives the list's choice of rows per page. */
  public String rowsPerPageName() {
    return browser
        .driver()
        .findElement(By.cssSelector("select.ui-paginator-rpp-options"))
        .getAccessibleName();
  }

  /** Waits until the live region announces {@code text} to screen readers. */
  public void waitForAnnouncement(String text) {
    browser
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.id("announcer"), "textContent", text));
  }

  /** Presses Tab and tells where the focus went. */
  public Focus pressTab() {
    return press(Keys.TAB);
  }

  /** Presses Enter on the focused element and tells where the focus went. */
  public Focus pressEnter() {
    return press(Keys.ENTER);
  }

  private Focus press(Keys key) {
    new Actions(browser.driver()).sendKeys(key).perform();
    List<?> focus = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(DESCRIBE_FOCUS);
    return new Focus(
        ((String) focus.get(0)).trim(),
        (String) focus.get(1),
        (String) focus.get(2),
        (Boolean) focus.get(3));
  }

  /**
   * Clicks the element {@code target}; when a live update replaced it just before the click landed,
   * finds it again and clicks once more.
   */
  void clickAgainIfReplaced(By target) {
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              driver.findElement(target).click();
              return true;
            });
  }

  /**
   * Runs {@code action}, which loads a new page, and waits until the new page replaced this one.
   */
  void loadingNewPage(Runnable action) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.glimpseLeaving = true;");
    action.run();
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver ->
                !Boolean.TRUE.equals(
                    ((JavascriptExecutor) driver).executeScript("return window.glimpseLeaving;")));
  }

  /** Waits until no PrimeFaces or Faces ajax request is on its way or waiting to go. */
  void waitForAjax() {
    browser
        .waiting()
        .until(
            driver ->
                (Boolean)
                    ((JavascriptExecutor) driver)
                        .executeScript(
                            "return (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                                + " && (!window.jQuery || jQuery.active === 0);"));
  }

  /** Waits until the browser shows the element {@code id}. */
  static void waitUntilShown(ConsoleBrowser browser, String id) {
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }
}
