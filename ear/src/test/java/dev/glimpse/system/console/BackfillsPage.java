package dev.glimpse.system.console;

import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The admins' backfills: a form whose dry run counts and prices the items, the start of what it
 * previewed, and the recent backfills with their progress, pause, resume and cancel.
 */
public final class BackfillsPage extends ConsolePage {

  private BackfillsPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The backfills page, once the browser shows it. */
  static BackfillsPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:backfill-form");
    return new BackfillsPage(browser);
  }

  /** What the "File name or title contains" field holds, as the images page's link filled it. */
  public String textFilter() {
    return browser.driver().findElement(By.id("form:text")).getAttribute("value");
  }

  /** Types the most items to hand over (empty: all). */
  public BackfillsPage cap(String items) {
    WebElement field = browser.driver().findElement(By.id("form:cap"));
    field.clear();
    field.sendKeys(items);
    return this;
  }

  /** Makes a dry run and returns what it found and what it estimates, a line each. */
  public List<String> dryRun() {
    browser.driver().findElement(By.id("form:dry-run")).click();
    waitUntilShown(browser, "plan-items");
    return linesOf(By.cssSelector("#plan-items, #plan-estimate"));
  }

  /** Starts the backfill the dry run previewed. */
  public BackfillsPage start() {
    clickAgainIfReplaced(By.id("form:start"));
    waitForMessage("Backfill started");
    return this;
  }

  /** The figures line of each backfill listed, newest first, as live updates bring it. */
  public List<String> backfills() {
    return linesOf(By.cssSelector("#form\\:backfills .backfill .run-figures"));
  }

  /** The status of the newest backfill (RUNNING, PAUSED, DONE or CANCELLED). */
  public String newestStatus() {
    return browser
        .waiting()
        .until(
            driver ->
                driver
                    .findElement(By.cssSelector("#form\\:backfills .backfill"))
                    .getAttribute("data-status"));
  }

  /** Waits until live updates show the newest backfill in {@code status}. */
  public BackfillsPage awaitNewestStatus(String status) {
    browser
        .waiting(LIVE_UPDATE_PATIENCE)
        .withMessage(() -> "the newest backfill " + status)
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> status.equals(newestStatus()));
    return this;
  }

  /** Presses the newest backfill's {@code action} button (Pause, Resume or Cancel). */
  public BackfillsPage press(String action) {
    clickAgainIfReplaced(
        By.cssSelector(
            "#form\\:backfills .backfill:first-of-type .backfill-"
                + action.toLowerCase(Locale.ROOT)));
    waitForAjax();
    return this;
  }
}
