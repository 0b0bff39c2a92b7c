package dev.glimpse.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The sign-in page, which the console shows to a visitor who is not signed in. */
public final class LoginPage {

  private final ConsoleBrowser browser;

  private LoginPage(ConsoleBrowser browser) {
    this.browser = browser;
    ConsolePage.waitUntilShown(browser, "username");
  }

  /** Opens the console's images page, which asks a visitor to sign in first. */
  public static LoginPage open(ConsoleBrowser browser) {
    browser.open("admin/images.xhtml");
    return new LoginPage(browser);
  }

  /** Signs in and lands on the images page. */
  public ImagesPage signInAs(String user, String password) {
    submit(user, password);
    return ImagesPage.shownIn(browser);
  }

  /** Signs in with credentials the server rejects: the sign-in page comes back with its error. */
  public LoginPage signInFailingAs(String user, String password) {
    submit(user, password);
    ConsolePage.waitUntilShown(browser, "login-error");
    return new LoginPage(browser);
  }

  /** The error the page shows, or "" when it shows none. */
  public String error() {
    return browser.driver().findElements(By.id("login-error")).stream()
        .findFirst()
        .map(error -> error.getText().trim())
        .orElse("");
  }

  private void submit(String user, String password) {
    WebDriver driver = browser.driver();
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in")).click();
  }
}
