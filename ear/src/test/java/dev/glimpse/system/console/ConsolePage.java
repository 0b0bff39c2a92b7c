package dev.glimpse.system.console;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every signed-in console page shares through its template: the navigation, the notice shown
 * without an AI model and the table's paginator.
 */
public abstract class ConsolePage {

  /** How long a change takes to reach an open page through the websocket. */
  static final Duration LIVE_UPDATE_PATIENCE = Duration.ofSeconds(30);

  final ConsoleBrowser browser;

  ConsolePage(ConsoleBrowser browser) {
    this.browser = browser;
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

  /** Waits until the browser shows the element {@code id}. */
  static void waitUntilShown(ConsoleBrowser browser, String id) {
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }
}
