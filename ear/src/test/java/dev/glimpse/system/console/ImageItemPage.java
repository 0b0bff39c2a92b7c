package dev.glimpse.system.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** One image's page: its text, the proposal beside it, its history and audit trail. */
public final class ImageItemPage extends ConsolePage {

  private ImageItemPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The image page, once the browser shows it. */
  static ImageItemPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "current-text");
    return new ImageItemPage(browser);
  }

  /** The text the image has now. */
  public String currentText() {
    return textOf(By.id("current-text"));
  }

  /** What the page says about the text: who wrote it, its review and by whom. */
  public String reviewLine() {
    return textOf(By.xpath("//p[@id='current-text']/following-sibling::p[2]"));
  }

  /** The audit trail's entries, oldest first, as the page shows them. */
  public List<String> auditTrail() {
    return linesOf(By.cssSelector(".timeline li"));
  }

  /** The text of {@code element}, read again when a live update replaced it meanwhile. */
  private String textOf(By element) {
    return browser.waiting().until(driver -> driver.findElement(element).getText().trim());
  }

  /** Clicks Regenerate: the image is described again, and the page says so. */
  public ImageItemPage regenerate() {
    clickAgainIfReplaced(By.id("form:regenerate"));
    waitForMessage("described again");
    return this;
  }

  /**
   * Reloads the page until a model's proposal waits beside the text, and returns the proposal's
   * words as the page shows them.
   */
  public String waitForProposal() {
    return browser
        .waiting(LIVE_UPDATE_PATIENCE)
        .until(
            driver -> {
              driver.navigate().refresh();
              return driver.findElements(By.cssSelector(".standing")).stream()
                  .findFirst()
                  .map(WebElement::getText)
                  .orElse(null);
            });
  }

  /** Opens the image page at {@code address}, such as {@code …/admin/image.xhtml?id=…}. */
  public static ImageItemPage openAt(ConsoleBrowser browser, String address) {
    browser.driver().get(address);
    return shownIn(browser);
  }

  /** The current text and the new one beside it, as the comparison shows them. */
  public List<String> comparedTexts() {
    return shownTexts("#compare-current, #compare-new");
  }

  /** The words the comparison marks: removed from the current text, added in the new one. */
  public List<String> markedWords() {
    return shownTexts("#compare-current del, #compare-new ins");
  }

  /** The text that {@code selector}'s elements show, without what only screen readers get. */
  private List<String> shownTexts(String selector) {
    return browser
        .waiting()
        .until(
            driver ->
                ((List<?>)
                        ((JavascriptExecutor) driver)
                            .executeScript(
                                "return Array.from(document.querySelectorAll(arguments[0]), e => {"
                                    + " const c = e.cloneNode(true);"
                                    + " c.querySelectorAll('.visually-hidden').forEach(h => h.remove());"
                                    + " return c.textContent.replace(/\\s+/g, ' ').trim(); });",
                                selector))
                    .stream().map(String.class::cast).toList());
  }

  /** The texts of the history, newest first. */
  public List<String> history() {
    return linesOf(By.cssSelector(".revisions li"));
  }

  /** Keeps the current text; the new one is dropped. */
  public ImageItemPage keepCurrent() {
    clickAgainIfReplaced(By.id("form:keep-current"));
    waitForMessage("Kept the current text");
    return this;
  }
}
