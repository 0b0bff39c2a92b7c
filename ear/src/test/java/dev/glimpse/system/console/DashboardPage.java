package dev.glimpse.system.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The console's home: the cluster's work by kind and status, the runs under way with their progress
 * bars, and charts whose figures a toggle shows as tables.
 */
public final class DashboardPage extends ConsolePage {

  /** A run as the page shows it: its progress bar's value and maximum, and its lines of text. */
  public record Run(String kind, long value, long max, String done, String rate, String eta) {}

  private DashboardPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The dashboard, once the browser shows it. */
  static DashboardPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "work-table");
    return new DashboardPage(browser);
  }

  /** Marks the loaded page, so that {@link #wasReloaded} tells whether another replaced it. */
  public DashboardPage mark() {
    ((JavascriptExecutor) browser.driver()).executeScript("window.glimpseDashboardMark = true;");
    return this;
  }

  /** Whether the page was loaded again since {@link #mark}. */
  public boolean wasReloaded() {
    return !Boolean.TRUE.equals(
        ((JavascriptExecutor) browser.driver())
            .executeScript("return window.glimpseDashboardMark === true;"));
  }

  /**
   * How many tasks of {@code kind} ("All" for every kind) the work table counts in {@code status}.
   */
  public long count(String kind, String status) {
    return browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              List<String> columns =
                  driver.findElements(By.cssSelector("#work-table thead th")).stream()
                      .map(th -> th.getText().trim())
                      .toList();
              WebElement row =
                  driver.findElement(
                      By.xpath(
                          "//table[@id='work-table']/tbody/tr[normalize-space(th)='"
                              + kind
                              + "']"));
              List<WebElement> cells = row.findElements(By.tagName("td"));
              return Long.parseLong(cells.get(columns.indexOf(status) - 1).getText().trim());
            });
  }

  /**
   * Waits until the work table's count of {@code kind} in {@code status} satisfies {@code wanted}.
   */
  public long waitForCount(String kind, String status, Predicate<Long> wanted) {
    return browser
        .waiting()
        .withTimeout(LIVE_UPDATE_PATIENCE)
        .withMessage(() -> kind + " " + status + " as wanted")
        .until(driver -> Optional.of(count(kind, status)).filter(wanted).orElse(null));
  }

  /** The run of {@code kind} the page shows now, if any. */
  public Optional<Run> run(String kind) {
    return browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver ->
                driver.findElements(By.cssSelector("#form\\:runs .run")).stream()
                    .filter(run -> run.findElement(By.tagName("h3")).getText().equals(kind))
                    .map(DashboardPage::readRun)
                    .findFirst());
  }

  /** Waits until the page shows a run of {@code kind} that satisfies {@code wanted}. */
  public Run waitForRun(String kind, Predicate<Run> wanted) {
    return browser
        .waiting()
        .withTimeout(LIVE_UPDATE_PATIENCE)
        .withMessage(() -> "a run of " + kind + " as wanted; shown: " + run(kind))
        .until(driver -> run(kind).filter(wanted).orElse(null));
  }

  private static Run readRun(WebElement run) {
    WebElement bar = run.findElement(By.tagName("progress"));
    return new Run(
        run.findElement(By.tagName("h3")).getText(),
        Math.round(Double.parseDouble(bar.getAttribute("value"))),
        Math.round(Double.parseDouble(bar.getAttribute("max"))),
        run.findElement(By.className("run-done")).getText(),
        run.findElement(By.className("run-rate")).getText(),
        run.findElement(By.className("run-eta")).getText());
  }

  /** Presses the last-hour throughput chart's toggle, which shows its figures as a table. */
  public DashboardPage showThroughputAsTable() {
    WebElement toggle =
        browser.driver().findElement(By.cssSelector("#throughput-hour-section .table-toggle"));
    toggle.click();
    browser.waiting().until(driver -> "true".equals(toggle.getAttribute("aria-expanded")));
    return this;
  }

  /** The last-hour throughput table: items finished by minute ("HH:mm", UTC), oldest first. */
  public Map<String, Long> throughputTable() {
    return browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              Map<String, Long> rows = new LinkedHashMap<>();
              for (WebElement row :
                  driver.findElements(By.cssSelector("#throughput-hour-table tbody tr"))) {
                rows.put(
                    row.findElement(By.tagName("th")).getText().trim(),
                    Long.parseLong(row.findElement(By.tagName("td")).getText().trim()));
              }
              return rows;
            });
  }

  /** Whether the last-hour throughput table is shown (and its chart hidden). */
  public boolean showsThroughputTable() {
    return browser.driver().findElement(By.id("throughput-hour-table")).isDisplayed();
  }
}
