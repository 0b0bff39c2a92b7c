package dev.glimpse.system.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for one test, registered with {@code @RegisterExtension}: started
 * before each test and quit after it. It keeps the browser's JavaScript errors for assertions and
 * screenshots under {@code target/screenshots} (a failed test leaves one of its last page there);
 * when the system property {@value #SCREENSHOTS_PROPERTY} names a directory, kept screenshots are
 * copied there too (relative to the EAR module, where Failsafe runs).
 */
public final class ConsoleBrowser
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  private static final String SCREENSHOTS_PROPERTY = "glimpse.screenshots";

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** How long a page object waits for what the page should show. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final URI base;
  private final List<String> javaScriptErrors = new ArrayList<>();
  private WebDriver driver;

  /** A browser of the console served at {@code base}. */
  public ConsoleBrowser(URI base) {
    this.base = base;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
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
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver != null && context.getExecutionException().isPresent()) {
      screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  /** Loads {@code path}, relative to the console's base address. */
  public void open(String path) {
    driver.get(base.resolve(path).toString());
  }

  /** The address of the page shown now. */
  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Writes {@code message} to the browser's console as an error, as a page's script would. */
  public void consoleError(String message) {
    ((JavascriptExecutor) driver).executeScript("console.error(arguments[0])", message);
  }

  /**
   * The browser's SEVERE log entries since the test began: JavaScript errors and resources that
   * failed to load.
   */
  public List<String> javaScriptErrors() {
    driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .forEach(javaScriptErrors::add);
    return List.copyOf(javaScriptErrors);
  }

  /**
   * Keeps what the reviewer sees now as {@code name} under target/screenshots, for a person to look
   * at, and in the directory named by {@value #SCREENSHOTS_PROPERTY} when it is set.
   */
  public void keepScreenshot(String name) {
    Path kept = screenshot(name);
    String extra = System.getProperty(SCREENSHOTS_PROPERTY, "");
    if (!extra.isBlank()) {
      try {
        Path directory = Files.createDirectories(Path.of(extra));
        Files.copy(kept, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The HTTP status the console answers {@code method} on {@code path} with, asked from the page
   * shown now, with its session: a POST sends a form, as a postback does.
   */
  public int statusOf(String method, String path) {
    Object status =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const init = {method: arguments[0], redirect: 'manual', credentials: 'same-origin'};"
                    + "if (arguments[0] === 'POST') {"
                    + "  init.headers = {'Content-Type': 'application/x-www-form-urlencoded'};"
                    + "  init.body = 'form=form&jakarta.faces.ViewState=forged';"
                    + "}"
                    + "fetch(arguments[1], init).then(r => done(r.status), e => done(-1));",
                method,
                base.resolve(path).toString());
    return ((Number) status).intValue();
  }

  /**
   * The headers the console answers a GET of {@code path} with, asked from the page shown now with
   * its session; names in lower case, and the status under {@code :status}.
   */
  public Map<String, String> headersOf(String path) {
    Object headers =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => {"
                    + "  const h = {':status': String(r.status)};"
                    + "  r.headers.forEach((v, k) => h[k] = v);"
                    + "  done(h);"
                    + "}, e => done({':status': '-1'}));",
                base.resolve(path).toString());
    Map<String, String> result = new HashMap<>();
    ((Map<?, ?>) headers).forEach((name, value) -> result.put(name.toString(), value.toString()));
    return result;
  }

  /** The value of the cookie {@code name} the browser holds for the console, or null. */
  public String cookie(String name) {
    Cookie cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** Goes back a page, as the browser's back button does. */
  public void back() {
    driver.navigate().back();
  }

  /** Forgets the session, as closing the browser would. */
  public void forgetSession() {
    driver.manage().deleteAllCookies();
  }

  /** The driver, for page objects. */
  WebDriver driver() {
    return driver;
  }

  /** A wait of the usual patience that reads again when the page replaced what it was reading. */
  WebDriverWait waiting() {
    return waiting(PATIENCE);
  }

  /** A wait of {@code patience} that reads again when the page replaced what it was reading. */
  WebDriverWait waiting(Duration patience) {
    WebDriverWait wait = new WebDriverWait(driver, patience);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private Path screenshot(String name) {
    try {
      Path file = Files.createDirectories(SCREENSHOTS).resolve(name);
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
