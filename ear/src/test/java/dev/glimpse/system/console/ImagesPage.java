package dev.glimpse.system.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's image list, newest first, with each image's task status, ALT text and labels. */
public final class ImagesPage extends ConsolePage {

  /** One image as the list shows it; {@code altText} is "" while the image has none. */
  public record Row(String filename, String status, String altText, List<String> labels) {

    static Row readFrom(WebElement row) {
      String labels = LiveTable.text(row, "labels");
      return new Row(
          LiveTable.text(row, "filename"),
          LiveTable.text(row, "status"),
          LiveTable.text(row, "alt-text"),
          labels.isEmpty() ? List.of() : List.of(labels.split(",\\s*")));
    }
  }

  private static final String TABLE = "images";

  private final LiveTable<Row> table;

  private ImagesPage(ConsoleBrowser browser) {
    super(browser);
    this.table = new LiveTable<>(browser, TABLE, Row::readFrom);
  }

  /** The images page, once the browser shows it. */
  static ImagesPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:" + TABLE);
    return new ImagesPage(browser);
  }

  /** Whether the browser shows the images page now. */
  public static boolean isOpenIn(ConsoleBrowser browser) {
    return !browser.driver().findElements(By.id("form:" + TABLE)).isEmpty();
  }

  /** The file names of the images shown now. */
  public List<String> filenames() {
    return table.rows().stream().map(Row::filename).toList();
  }

  /** The newest image named {@code filename}, waiting until the list shows one. */
  public Row rowFor(String filename) {
    return table.waitFor(
        row -> row.filename().equals(filename), row -> true, ConsoleBrowser.PATIENCE);
  }

  /**
   * Waits until the newest image named {@code filename} shows {@code status}, as live updates bring
   * it without a reload.
   */
  public Row waitForRow(String filename, String status) {
    return table.waitFor(
        row -> row.filename().equals(filename),
        row -> row.status().equals(status),
        LIVE_UPDATE_PATIENCE);
  }
}
