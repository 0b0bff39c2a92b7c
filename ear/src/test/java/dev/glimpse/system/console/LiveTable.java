package dev.glimpse.system.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The rows of a console table, newest first, read as records. Live updates re-render the table at
 * any moment, so every read starts again when the rows it was reading were replaced.
 */
final class LiveTable<R> {

  private final ConsoleBrowser browser;
  private final By rows;
  private final Function<WebElement, R> reader;

  /** The data table {@code tableId} of the console's form, each row read by {@code reader}. */
  LiveTable(ConsoleBrowser browser, String tableId, Function<WebElement, R> reader) {
    this.browser = browser;
    this.rows = By.cssSelector("tbody[id='form:" + tableId + "_data'] > tr[data-ri]");
    this.reader = reader;
  }

  /** The rows shown now. */
  List<R> rows() {
    return browser
        .waiting()
        .until(driver -> driver.findElements(rows).stream().map(reader).toList());
  }

  /**
   * Waits up to {@code patience} until the newest row that {@code identifies} satisfies {@code
   * condition}, and returns it.
   */
  R waitFor(Predicate<R> identifies, Predicate<R> condition, Duration patience) {
    AtomicReference<List<R>> seen = new AtomicReference<>(List.of());
    return browser
        .waiting(patience)
        .withMessage(() -> "a row as expected; the rows shown were " + seen.get())
        .until(
            driver -> {
              List<R> shown = driver.findElements(rows).stream().map(reader).toList();
              seen.set(shown);
              return shown.stream().filter(identifies).findFirst().filter(condition).orElse(null);
            });
  }

  /** The text of the element of class {@code cssClass} in {@code row}, or "" if it has none. */
  static String text(WebElement row, String cssClass) {
    return row.findElements(By.className(cssClass)).stream()
        .findFirst()
        .map(WebElement::getText)
        .orElse("")
        .trim();
  }
}
