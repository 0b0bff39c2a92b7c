package dev.glimpse.system.console;

import java.util.List;
import org.openqa.selenium.By;

/** FAILED tasks grouped by cause, with a sample raw answer; requeue a cause or a task. */
public final class FailuresPage extends ConsolePage {

  private FailuresPage(ConsoleBrowser browser) {
    super(browser);
  }

  /** The failures page, once the browser shows it. */
  static FailuresPage shownIn(ConsoleBrowser browser) {
    waitUntilShown(browser, "form:failures");
    return new FailuresPage(browser);
  }

  /** The causes shown, as their headings read ("permanent — 1 task"). */
  public List<String> causes() {
    return linesOf(By.cssSelector(".failure-cause h2"));
  }

  /** Requeues the failed task that works for the item {@code subjectId}. */
  public FailuresPage requeueTaskOf(String subjectId) {
    clickAgainIfReplaced(
        By.xpath(
            "//a[contains(@href, 'id="
                + subjectId
                + "')]/ancestor::tr[1]//button[contains(@class, 'requeue-task')]"));
    waitForMessage("Requeued task");
    return this;
  }
}
