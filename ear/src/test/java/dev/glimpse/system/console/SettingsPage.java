package dev.glimpse.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admins' settings: the review mode of images and of summaries, and the AI provider's pause and
 * budget.
 */
public final class SettingsPage extends ConsolePage {

  private SettingsPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The settings page, once the browser shows it. */
  static SettingsPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:settings");
    return new SettingsPage(browser);
  }

  /** Chooses {@code mode} ("auto" or "review") for images and saves. */
  public SettingsPage setImagesMode(String mode) {
    browser
        .driver()
        .findElement(By.cssSelector("input[name='form:images-mode'][value='" + mode + "']"))
        .click();
    browser.driver().findElement(By.id("form:save")).click();
    waitForMessage("Saved");
    return this;
  }

  /** Pauses the provider's work. */
  public SettingsPage pauseProvider() {
    clickAgainIfReplaced(By.id("form:pause"));
    waitForMessage("Paused");
    return this;
  }

  /** Resumes the provider's work. */
  public SettingsPage resumeProvider() {
    clickAgainIfReplaced(By.id("form:resume"));
    waitForMessage("Resumed");
    return this;
  }

  /** Sets the provider's daily budget in dollars (empty: no cap) and saves it. */
  public SettingsPage setDailyBudget(String dollars) {
    WebElement field = browser.driver().findElement(By.id("form:daily-usd"));
    field.clear();
    field.sendKeys(dollars);
    browser.driver().findElement(By.id("form:save-budget")).click();
    waitForMessage("Saved");
    return this;
  }

  /** Sets the provider's rate limits (empty: no limit) and saves them. */
  public SettingsPage setRateLimits(String requestsPerMinute, String tokensPerMinute) {
    WebElement requests = browser.driver().findElement(By.id("form:requests-per-minute"));
    requests.clear();
    requests.sendKeys(requestsPerMinute);
    WebElement tokens = browser.driver().findElement(By.id("form:tokens-per-minute"));
    tokens.clear();
    tokens.sendKeys(tokensPerMinute);
    browser.driver().findElement(By.id("form:save-rate-limits")).click();
    waitForMessage("Saved: ");
    return this;
  }

  /** What the page says of the provider's work ("Running", "Paused: …", "Waiting: …"). */
  public String providerState() {
    return browser.driver().findElement(By.id("provider-state")).getText();
  }

  /** Sets the daily quota of uploads of the API client {@code client} and saves every quota. */
  public SettingsPage setUploadQuota(String client, long uploads) {
    WebElement field =
        browser
            .driver()
            .findElement(By.cssSelector("input.quota-uploads[data-client='" + client + "']"));
    field.clear();
    field.sendKeys(Long.toString(uploads));
    browser.driver().findElement(By.id("form:save-quotas")).click();
    waitForMessage("Saved the quotas");
    return this;
  }
}
