package dev.glimpse.system.console;

import org.openqa.selenium.By;

/** The admins' settings: the review mode of images and of summaries. */
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
}
