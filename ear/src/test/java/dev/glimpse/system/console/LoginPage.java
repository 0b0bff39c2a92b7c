package dev.glimpse.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

  /** Opens the sign-in page by its own address, as a bookmark would. */
  public static LoginPage openBookmarked(ConsoleBrowser browser) {
    browser.open("login.xhtml");
    return new LoginPage(browser);
  }

  /** The sign-in page, once the browser shows it. */
  public static LoginPage shownIn(ConsoleBrowser browser) {
    return new LoginPage(browser);
  }

  /**
   * Submits the form without the token that ties it to the session, as a form on another site
   * would: the sign-in page comes back with its error.
   */
  public LoginPage signInWithoutTokenAs(String user, String password) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.querySelector('[name=glimpse_sign_in_token]').remove();");
    return signInFailingAs(user, password);
  }

  /**
   * Submits the form and waits for either page: true when it signed in (the images page), false
   * when the sign-in page came back with its error.
   */
  public boolean signInEither(String user, String password) {
    submit(user, password);
    String landed =
        browser
            .waiting()
            .until(
                driver -> {
                  if (!driver.findElements(By.id("login-error")).isEmpty()) {
                    return "refused";
                  }
                  return driver.findElements(By.id("account:sign-out")).isEmpty()
                      ? null
                      : "signed in";
                });
    return "signed in".equals(landed);
  }

  /** What the page says besides an error ("You are signed out."), or "". */
  public String notice() {
    return browser.driver().findElements(By.id("signed-out")).stream()
        .findFirst()
        .map(notice -> notice.getText().trim())
        .orElse("");
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
