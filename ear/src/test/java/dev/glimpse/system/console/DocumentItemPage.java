package dev.glimpse.system.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One document's page: its text edited against the version it was read at, and its summary. */
public final class DocumentItemPage extends ConsolePage {

  private DocumentItemPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** Opens the page of document {@code id}. */
  public static DocumentItemPage open(ConsoleBrowser browser, String id) {
    browser.open("admin/document.xhtml?id=" + id);
    waitUntilShown(browser, "form:text");
    return new DocumentItemPage(browser);
  }

  /** Replaces the text in the editor. */
  public DocumentItemPage replaceText(String text) {
    WebElement editor = browser.driver().findElement(By.id("form:text"));
    editor.clear();
    editor.sendKeys(text);
    return this;
  }

  /** The text in the editor now. */
  public String textInEditor() {
    return browser.driver().findElement(By.id("form:text")).getAttribute("value");
  }

  /** Clicks Save and waits for the page's answer: a confirmation or a conflict. */
  public DocumentItemPage save() {
    browser.driver().findElement(By.id("form:save")).click();
    browser
        .waiting()
        .until(
            driver ->
                !messages().isEmpty()
                    && (messages().get(0).startsWith("Saved")
                        || messages().get(0).startsWith("Someone")));
    return this;
  }

  /** The other person's changes the page shows after a conflict, a line each, or none. */
  public List<String> theirChanges() {
    return linesOf(By.cssSelector(".changes li"));
  }
}
