package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium: a reviewer signs in and sees the uploaded image's ALT
 * text.
 */
class ConsoleIT extends DeployedEarTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private WebDriver browser;

  @BeforeEach
  void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReviewerSignsInAndSeesTheAltTextOfAnUploadedImage() {
    ollama.answerWith("ollama-ok-clean");
    api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(30));

    browser.get(GlimpseClient.BASE.resolve("admin/images.xhtml").toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).contains("/login.xhtml");

    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestEnvironment.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:images")));
    assertThat(browser.getCurrentUrl()).contains("/admin/images.xhtml");
    String table = tableText("form:images");
    assertThat(table)
        .contains("A grey tabby cat with green eyes sits on a wooden floor")
        .contains("Cat, Tabby, Pet")
        .contains("COMPLETED")
        .contains("chelsea.png");
    assertThat(browser.findElements(By.id("no-model"))).isEmpty();
    assertThat(javaScriptErrors()).isEmpty();
    keepScreenshot("console-images.png");
  }

  @Test
  void theListUpdatesByItselfWhenAnImageIsDescribed() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(1));
    signIn();
    String filename = "live-" + System.nanoTime() + ".png";
    assertThat(tableText("form:images")).doesNotContain(filename);

    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    assertThat(api.uploadImage(filename, png, "image/png").status()).isEqualTo(202);

    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            driver -> {
              String table = tableText("form:images");
              return table.contains(filename) && table.contains("COMPLETED");
            });
    assertThat(javaScriptErrors()).isEmpty();
  }

  @Test
  void aDocumentsSummaryAppearsByItselfInTheDocumentList() {
    ollama.answerSummaries();
    signIn();
    browser.findElement(By.id("nav-documents")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("form:documents")));
    String title = "Notice " + System.nanoTime();

    GlimpseClient.Answer created =
        api.sendJson(
            "POST",
            "api/v1/documents",
            Map.of("title", title, "text", "Keys are secret. Report misuse.", "language", "en"),
            Map.of());
    assertThat(created.status()).isEqualTo(201);

    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            driver -> {
              String table = tableText("form:documents");
              return table.contains(title) && table.contains(OllamaStub.SUMMARY);
            });
    assertThat(tableText("form:documents")).contains("COMPLETED");
    assertThat(javaScriptErrors()).isEmpty();
    keepScreenshot("console-documents.png");
  }

  /**
   * The text of the table {@code id}, read again when the page replaced the table while it was
   * being read (live updates re-render it at any moment).
   */
  private String tableText(String id) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> driver.findElement(By.id(id)).getText());
  }

  private void signIn() {
    browser.get(GlimpseClient.BASE.resolve("admin/images.xhtml").toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestEnvironment.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:images")));
  }

  @Test
  void aWrongPasswordKeepsTheReviewerOnTheSignInPage() {
    browser.get(GlimpseClient.BASE.resolve("admin/images.xhtml").toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("not-the-password");
    browser.findElement(By.id("sign-in")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertThat(browser.findElements(By.id("form:images"))).isEmpty();
  }

  /** Keeps what the reviewer saw under target/screenshots, for a person to look at. */
  private void keepScreenshot(String name) {
    try {
      Path target = Path.of("target", "screenshots");
      Files.createDirectories(target);
      Files.write(
          target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> javaScriptErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }
}
