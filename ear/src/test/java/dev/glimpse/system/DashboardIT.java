package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.DashboardPage;
import dev.glimpse.system.console.LoginPage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's dashboard in a real headless Chromium, while a run of images goes through a stub
 * model that takes its time: the figures come from the database and change by themselves.
 */
class DashboardIT extends DeployedEarTest {

  private static final int IMAGES = 40;
  private static final String IMAGES_KIND = "Image descriptions";
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @Test
  void theDashboardFollowsARunWithCountsAProgressBarAndAnEstimateWithoutAReload() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(700));
    DashboardPage dashboard =
        LoginPage.open(browser)
            .signInAs("admin", TestEnvironment.ADMIN_PASSWORD)
            .goToDashboard()
            .mark();
    long completedBefore = dashboard.count("All", "COMPLETED");

    FaultRun run = FaultRun.upload(api, "postgres", IMAGES);

    DashboardPage.Run underWay =
        dashboard.waitForRun(
            IMAGES_KIND,
            shown -> shown.max() >= IMAGES && shown.value() > 0 && shown.eta().startsWith("about"));
    assertThat(underWay.done()).startsWith(underWay.value() + " of " + underWay.max() + " done");
    assertThat(underWay.rate()).endsWith("per minute");
    dashboard.waitForCount(
        "All", "COMPLETED", count -> count > completedBefore && count < completedBefore + IMAGES);
    browser.keepScreenshot("dashboard.png");
    dashboard.waitForCount("All", "COMPLETED", count -> count >= completedBefore + IMAGES);
    run.awaitCompleted(Duration.ofMinutes(2));

    assertThat(dashboard.wasReloaded()).isFalse();
    assertThat(browser.javaScriptErrors()).isEmpty();
  }

  @Test
  void theThroughputTableShowsTheFiguresOfTheStatsApiAndPassesAxe() {
    ollama.answerWith("ollama-ok-clean");
    FaultRun run = FaultRun.upload(api, "postgres", 5);
    run.awaitCompleted(Duration.ofMinutes(1));
    DashboardPage dashboard =
        LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD).goToDashboard();

    dashboard.showThroughputAsTable();

    assertThat(dashboard.showsThroughputTable()).isTrue();
    Map<String, Long> shown =
        awaitSame(dashboard::throughputTable, this::finishedLastHourFromTheApi);
    assertThat(shown).hasSize(60);
    assertThat(shown.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(5);
    Accessibility.check(browser);
  }

  private Map<String, Long> finishedLastHourFromTheApi() {
    GlimpseClient.Answer answer = api.get("api/v1/stats");
    assertThat(answer.status()).isEqualTo(200);
    Map<String, Long> figures = new LinkedHashMap<>();
    for (JsonNode minute : answer.body().path("cluster").path("finishedLastHour")) {
      figures.put(
          MINUTE.format(Instant.parse(minute.path("from").asText())),
          minute.path("items").asLong());
    }
    return figures;
  }

  /**
   * What the page shows once it shows what the API answers: both read the same cached figures,
   * which a minute's turn or a finishing task may change between the two reads.
   */
  private static Map<String, Long> awaitSame(
      Supplier<Map<String, Long>> page, Supplier<Map<String, Long>> api) {
    Instant deadline = Instant.now().plusSeconds(30);
    Map<String, Long> fromPage = page.get();
    Map<String, Long> fromApi = api.get();
    while (!fromPage.equals(fromApi) && Instant.now().isBefore(deadline)) {
      fromPage = page.get();
      fromApi = api.get();
    }
    assertThat(fromPage).isEqualTo(fromApi);
    return fromPage;
  }
}
