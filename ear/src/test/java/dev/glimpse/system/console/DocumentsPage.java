package dev.glimpse.system.console;

import org.openqa.selenium.WebElement;

/** The console's document list, newest first, with each document's task status and summary. */
public final class DocumentsPage extends ConsolePage {

  /** One document as the list shows it; {@code summary} is "" while it has none. */
  public record Row(String title, String status, String summary) {

    static Row readFrom(WebElement row) {
      return new Row(
          LiveTable.text(row, "title"),
          LiveTable.text(row, "status"),
          LiveTable.text(row, "summary"));
    }
  }

  private static final String TABLE = "documents";

  private final LiveTable<Row> table;

  private DocumentsPage(ConsoleBrowser browser) {
    super(browser);
    this.table = new LiveTable<>(browser, TABLE, Row::readFrom);
  }

  /** The documents page, once the browser shows it. */
  static DocumentsPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:" + TABLE);
    return new DocumentsPage(browser);
  }

  /**
   * Waits until the newest document titled {@code title} shows a summary, as live updates bring it
   * without a reload.
   */
  public Row waitForSummary(String title) {
    return table.waitFor(
        row -> row.title().equals(title), row -> !row.summary().isEmpty(), LIVE_UPDATE_PATIENCE);
  }
}
