package dev.glimpse.system.console;

import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The console's image list, newest first, with each image's task status, ALT text and labels. */
public final class ImagesPage extends ConsolePage {

  /**
   * One image as the list shows it; {@code altText} is "" while the image has none, {@code origin}
   * says who wrote it ("AI-generated", "Written by a person" or "").
   */
  public record Row(
      String id,
      String filename,
      String status,
      String altText,
      List<String> labels,
      String origin,
      String review) {

    static Row readFrom(WebElement row) {
      String labels = LiveTable.text(row, "labels");
      return new Row(
          row.getAttribute("data-rk"),
          LiveTable.text(row, "filename"),
          LiveTable.text(row, "status"),
          LiveTable.text(row, "alt-text"),
          labels.isEmpty() ? List.of() : List.of(labels.split(",\\s*")),
          LiveTable.text(row, "origin"),
          LiveTable.text(row, "review-state"));
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

  /** Opens the images page at {@code address}, such as a bookmarked view with its filters. */
  public static ImagesPage openAt(ConsoleBrowser browser, String address) {
    browser.driver().get(address);
    return shownIn(browser);
  }

  /** Whether the browser shows the images page now. */
  public static boolean isOpenIn(ConsoleBrowser browser) {
    return !browser.driver().findElements(By.id("form:" + TABLE)).isEmpty();
  }

  /**
   * Waits until the newest image named {@code filename} has a settled status (COMPLETED, FLAGGED or
   * FAILED), as live updates bring it, and returns that status.
   */
  public String waitUntilSettled(String filename) {
    return table
        .waitFor(
            row -> row.filename().equals(filename),
            row -> Set.of("COMPLETED", "FLAGGED", "FAILED").contains(row.status()),
            LIVE_UPDATE_PATIENCE)
        .status();
  }

  /** The rows shown now. */
  public List<Row> rows() {
    return table.rows();
  }

  /**
   * Sets the filter field {@code field} (its label, such as "AI-generated") to {@code value} and
   * applies the filters: the page reloads with them in its address.
   */
  public ImagesPage filter(String field, String value) {
    By input =
        By.xpath(
            "//form[@id='filters']//label[normalize-space()='"
                + field
                + "']/following-sibling::*[1]");
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              WebElement element = driver.findElement(input);
              if ("select".equals(element.getTagName())) {
                new Select(element).selectByVisibleText(value);
              } else {
                element.clear();
                element.sendKeys(value);
              }
              return true;
            });
    loadingNewPage(() -> browser.driver().findElement(By.id("apply-filters")).click());
    return shownIn(browser);
  }

  /**
   * Follows the "Backfill…" link, which takes the filters that apply to images without ALT text.
   */
  public BackfillsPage backfillThese() {
    browser.driver().findElement(By.id("backfill-these")).click();
    return BackfillsPage.shownIn(browser);
  }

  /** Ticks the selection box of the newest image named {@code filename}. */
  public ImagesPage select(String filename) {
    rowFor(filename);
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              WebElement box =
                  driver.findElement(
                      By.xpath(
                          "//a[@class='filename' and normalize-space()="
                              + XPaths.literal(filename)
                              + "]/ancestor::tr[1]//div[contains(@class,'ui-chkbox-box')]"));
              box.click();
              return box.getAttribute("class").contains("ui-state-active");
            });
    return this;
  }

  /** Clicks "Approve selected" and returns the message the page answers with. */
  public String approveSelected() {
    browser.driver().findElement(By.id("form:approve-selected")).click();
    return waitForMessage("Approved");
  }

  /**
   * Clicks "Requeue all matching…", reads the count the confirmation states, confirms, and returns
   * the count and the message the page answers with.
   */
  public List<String> requeueAllMatching() {
    browser.driver().findElement(By.id("form:requeue-matching")).click();
    WebElement count =
        browser
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("matching-count")));
    String stated = count.getText();
    browser.driver().findElement(By.id("form:confirm-requeue-all")).click();
    return List.of(stated, waitForMessage("Requeued"));
  }

  /**
   * Follows the link of the newest image named {@code filename} to its page; a click that a live
   * update swallowed (the row was being replaced) is made again.
   */
  public ImageItemPage open(String filename) {
    rowFor(filename);
    By link =
        By.xpath("//a[@class='filename' and normalize-space()=" + XPaths.literal(filename) + "]");
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              if (!driver.getCurrentUrl().contains("/image.xhtml")) {
                driver.findElement(link).click();
              }
              return driver.getCurrentUrl().contains("/image.xhtml");
            });
    return ImageItemPage.shownIn(browser);
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
