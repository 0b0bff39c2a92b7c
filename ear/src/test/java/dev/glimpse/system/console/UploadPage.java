package dev.glimpse.system.console;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;

/** The upload page: images several at a time, and documents from a title and text. */
public final class UploadPage extends ConsolePage {

  private UploadPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The upload page, once the browser shows it. */
  static UploadPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "images-heading");
    return new UploadPage(browser);
  }

  /**
   * Chooses {@code files} at once in the image picker (they upload at once) and waits until the
   * page lists what became of each.
   */
  public List<String> uploadImages(List<Path> files) {
    browser
        .driver()
        .findElement(By.cssSelector("input[type=file][id='form:images_input']"))
        .sendKeys(
            files.stream()
                .map(file -> file.toAbsolutePath().toString())
                .collect(Collectors.joining("\n")));
    return browser
        .waiting()
        .withMessage(() -> "a result for each of " + files)
        .until(
            driver -> {
              List<String> results =
                  driver.findElements(By.cssSelector(".upload-results li")).stream()
                      .map(result -> result.getText().trim())
                      .toList();
              return results.size() >= files.size() ? results : null;
            });
  }
}
