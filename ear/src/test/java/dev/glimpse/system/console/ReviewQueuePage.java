package dev.glimpse.system.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The review queue: one waiting item at a time, most doubtful first, worked from the keyboard. The
 * methods named after keys press those keys, as a reviewer without a mouse would.
 */
public final class ReviewQueuePage extends ConsolePage {

  /**
   * The item on screen: its title, its reasons as chips, what was found about it, its text and what
   * the model refused.
   */
  public record Item(
      String title, List<String> reasons, List<String> findings, String text, String refusal) {}

  private static final By HEADING = By.id("review-item-heading");
  private static final By TEXT = By.id("form:text");

  private ReviewQueuePage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The review page, once the browser shows it. */
  static ReviewQueuePage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:queue");
    return new ReviewQueuePage(browser);
  }

  /** Opens the review page. */
  public static ReviewQueuePage open(ConsoleBrowser browser) {
    browser.open("admin/review.xhtml");
    return shownIn(browser);
  }

  /** Waits until the page shows an item (new results arrive by themselves), and returns it. */
  public Item waitForAnItem() {
    return browser
        .waiting(LIVE_UPDATE_PATIENCE)
        .withMessage(() -> "an item on the review page")
        .until(driver -> current());
  }

  /** The item on screen, or null when nothing waits. */
  public Item current() {
    List<WebElement> text = browser.driver().findElements(TEXT);
    if (text.isEmpty()) {
      return null;
    }
    List<String> reasons =
        browser.driver().findElements(By.cssSelector("ul.chips li.chip:not(.chip-score)")).stream()
            .map(chip -> chip.getText().trim())
            .toList();
    String refusal =
        browser.driver().findElements(By.cssSelector(".review-form .refusal")).stream()
            .findFirst()
            .map(element -> element.getText().trim())
            .orElse("");
    List<String> findings =
        browser.driver().findElements(By.cssSelector("#findings li")).stream()
            .map(finding -> finding.getText().trim())
            .toList();
    return new Item(currentTitle(), reasons, findings, text.get(0).getAttribute("value"), refusal);
  }

  /** Presses E: the text field takes the focus. */
  public ReviewQueuePage pressE() {
    press("e");
    browser
        .waiting()
        .until(driver -> "form:text".equals(driver.switchTo().activeElement().getAttribute("id")));
    return this;
  }

  /** Types into the focused field, replacing all it held, as a keyboard user does. */
  public ReviewQueuePage typeReplacing(String text) {
    new Actions(browser.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys(Keys.DELETE)
        .sendKeys(text)
        .perform();
    return this;
  }

  /** Presses Ctrl+Enter (approve, or save the edit) and waits for the next item to load. */
  public ReviewQueuePage pressCtrlEnter() {
    return acting(
        () ->
            new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform());
  }

  /** Presses R (reject and requeue) and waits for the next item to load. */
  public ReviewQueuePage pressR() {
    return acting(() -> press("r"));
  }

  /** Presses S (skip) and waits for the next item to load. */
  public ReviewQueuePage pressS() {
    return acting(() -> press("s"));
  }

  /** Presses K (back to the previous item) and waits for it to load. */
  public ReviewQueuePage pressK() {
    return acting(() -> press("k"));
  }

  /** Presses ? and returns the shortcuts the overlay lists, then closes it with Escape. */
  public List<String> pressQuestionMarkForShortcuts() {
    press("?");
    WebElement overlay =
        browser
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shortcut-list")));
    List<String> keys =
        overlay.findElements(By.tagName("dt")).stream().map(key -> key.getText().trim()).toList();
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    browser.waiting().until(ExpectedConditions.invisibilityOf(overlay));
    return keys;
  }

  private String currentTitle() {
    return browser.driver().findElements(HEADING).stream()
        .findFirst()
        .map(
            heading ->
                heading.findElements(By.className("filename")).stream()
                    .findFirst()
                    .map(WebElement::getText)
                    .orElse(""))
        .orElse("")
        .trim();
  }

  /**
   * Runs a key action and waits until the item area was replaced and every ajax request, the
   * action's and any live update's, has been answered.
   */
  private ReviewQueuePage acting(Runnable keys) {
    WebElement before = browser.driver().findElement(HEADING);
    keys.run();
    browser.waiting().until(ExpectedConditions.stalenessOf(before));
    waitForAjax();
    return shownIn(browser);
  }

  /** Presses a key on the page, wherever the focus is. */
  private void press(CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }
}
