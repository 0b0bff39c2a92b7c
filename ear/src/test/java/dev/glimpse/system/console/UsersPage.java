package dev.glimpse.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admins' users page: a user added, a new password set, and each user disabled or enabled and
 * made admin or reviewer.
 */
public final class UsersPage extends ConsolePage {

  private UsersPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The users page, once the browser shows it. */
  static UsersPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:create-form");
    return new UsersPage(browser);
  }

  /**
   * Adds a user with {@code role} ("reviewer" or "admin") and waits for a message with {@code
   * expected}.
   */
  public UsersPage add(String name, String password, String role, String expected) {
    type("form:name", name);
    type("form:password", password);
    new Select(browser.driver().findElement(By.id("form:role"))).selectByValue(role);
    browser.driver().findElement(By.id("form:create")).click();
    waitForMessage(expected);
    return this;
  }

  /** Sets a new password for {@code name}. */
  public UsersPage setPassword(String name, String password) {
    new Select(browser.driver().findElement(By.id("form:reset-name"))).selectByValue(name);
    type("form:reset-password", password);
    browser.driver().findElement(By.id("form:reset")).click();
    waitForMessage("User " + name + " has a new password");
    return this;
  }

  /**
   * Presses the button {@code action} (disable, enable, admin, reviewer) in {@code name}'s row and
   * waits for a message with {@code expected}.
   */
  public UsersPage press(String name, String action, String expected) {
    clickAgainIfReplaced(By.cssSelector("[id='user-" + name + "'] .user-" + action));
    waitForMessage(expected);
    return this;
  }

  /** Whether {@code name} is enabled, as the list shows it. */
  public boolean enabled(String name) {
    return Boolean.parseBoolean(
        browser.driver().findElement(By.id("user-" + name)).getAttribute("data-enabled"));
  }

  private void type(String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
