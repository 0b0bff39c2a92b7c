package dev.glimpse.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admins' API clients: the registration form, the key just made (shown once), and the clients
 * with their status, keys, rotation and revocation.
 */
public final class ApiClientsPage extends ConsolePage {

  private ApiClientsPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The API clients page, once the browser shows it. */
  static ApiClientsPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:register-form");
    return new ApiClientsPage(browser);
  }

  /** Registers a normal client named {@code name}, and returns the key the page shows once. */
  public String register(String name) {
    WebElement field = browser.driver().findElement(By.id("form:name"));
    field.clear();
    field.sendKeys(name);
    browser.driver().findElement(By.id("form:register")).click();
    waitForMessage("API client " + name + " registered");
    return shownKey();
  }

  /** The key the page shows now, waiting for it. */
  public String shownKey() {
    return browser
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")))
        .getText()
        .trim();
  }

  /** Whether the page shows a key now. */
  public boolean showsAKey() {
    return !browser.driver().findElements(By.id("issued-key")).isEmpty();
  }

  /** Says the key was copied: the page forgets it. */
  public ApiClientsPage dismissKey() {
    browser.driver().findElement(By.id("form:dismiss-key")).click();
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("issued-key")));
    return this;
  }

  /** Rotates the key of {@code client} with a grace period of {@code hours}; the new key. */
  public String rotate(String client, int hours) {
    WebElement grace = browser.driver().findElement(By.id("form:grace"));
    grace.clear();
    grace.sendKeys(Integer.toString(hours));
    clickAgainIfReplaced(rowButton(client, "client-rotate"));
    waitForMessage("API client " + client + " has a new key");
    return shownKey();
  }

  /** Revokes {@code client}, confirming in the dialog. */
  public ApiClientsPage revoke(String client) {
    clickAgainIfReplaced(rowButton(client, "client-revoke"));
    browser
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
        .click();
    waitForMessage("API client " + client + " revoked");
    return this;
  }

  /** The status of {@code client} as its row shows it. */
  public String status(String client) {
    return browser.driver().findElement(By.id("client-" + client)).getAttribute("data-status");
  }

  /** The ids of the keys of {@code client}, as its row lists them. */
  public java.util.List<String> keyIds(String client) {
    return linesOf(By.cssSelector("[id='client-" + client + "'] .key-id"));
  }

  /** The page's HTML as the browser has it now. */
  public String source() {
    return browser.driver().getPageSource();
  }

  private static By rowButton(String client, String styleClass) {
    return By.cssSelector("[id='client-" + client + "'] ." + styleClass);
  }
}
