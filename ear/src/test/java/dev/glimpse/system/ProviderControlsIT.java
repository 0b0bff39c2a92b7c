package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import dev.glimpse.system.console.SettingsPage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin pauses the provider's work and sets its budget on the console's settings page: the tasks
 * wait PENDING with the reason, no attempt is counted and nothing fails, until the pause is lifted
 * or the budget raised. Each stub call costs $0.00795 (795 tokens at the test's $10 per million).
 */
class ProviderControlsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofMinutes(1);

  /** How long the model turns every call away. */
  private static final Duration STORM = Duration.ofSeconds(10);

  /** Three batch runs of the test server: long enough for a held task to have been claimed. */
  private static final Duration THREE_BATCH_RUNS = Duration.ofSeconds(6);

  /** What one call of the stub costs: 613 tokens in and 182 out at $10 per million. */
  private static final BigDecimal CALL = new BigDecimal("0.00795");

  /**
   * How much earlier than its turn the stub may see a request: the time between a request's turn
   * and its arrival differs from one request to the next (the first opens the connection).
   */
  private static final Duration MEASURING = Duration.ofSeconds(1);

  /** How many images the rate-limit test sends, two seconds apart. */
  private static final int RATE_LIMITED = 8;

  /** The daily cap the budget test sets above what was spent before it. */
  private static final BigDecimal CAP = new BigDecimal("0.01");

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @AfterEach
  void liftEveryPauseAndBudget() throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM provider_control");
    }
  }

  @Test
  void aPauseHoldsTheWorkPendingWithNoAttemptCountedAndResumingFinishesIt() {
    ollama.answerWith("ollama-ok-clean");
    SettingsPage settings = signIn().pauseProvider();
    assertThat(settings.providerState()).startsWith("Paused: paused by user:admin at ");

    FaultRun run = FaultRun.upload(api, "postgres", 5);

    awaitTrue(() -> run.heldBack().size() == 5, "every task held back");
    assertThat(run.heldBack().values()).containsOnly("paused by an administrator");
    holdsFor(
        THREE_BATCH_RUNS,
        () -> run.statuses().equals(Map.of("PENDING", 5)) && run.attemptsCounted() == 0);
    assertThat(run.modelCalls()).isZero();

    settings.resumeProvider();

    run.awaitCompleted(PATIENCE);
    run.assertSound();
    assertThat(run.attemptsCounted()).isEqualTo(5);
    assertThat(run.modelCalls()).isEqualTo(5);
    assertThat(run.heldBack()).isEmpty();
  }

  @Test
  void aBudgetReachedStopsNewCallsWithoutFailingAnythingAndRaisingItLetsTheWorkFinish()
      throws SQLException {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(1));
    SettingsPage settings = signIn().pauseProvider();
    FaultRun run = FaultRun.upload(api, "postgres", 10);
    awaitTrue(() -> tasksInProgress() == 0, "no call under way anywhere");
    BigDecimal spent = spentToday();
    settings.setDailyBudget(spent.add(CAP).toPlainString()).resumeProvider();

    awaitTrue(
        () -> !run.heldBack().isEmpty() && tasksInProgress() == 0,
        "the budget reached and no call under way");
    BigDecimal overCap = spentToday().subtract(spent).subtract(CAP);
    Map<String, Integer> held = run.statuses();
    assertThat(overCap)
        .as("what was spent past the cap: at most the calls of the tasks claimed by then")
        .isBetween(BigDecimal.ZERO, CALL.multiply(BigDecimal.valueOf(6)));
    assertThat(held).containsKey("PENDING").doesNotContainKey("FAILED");
    assertThat(run.heldBack().values()).containsOnly("budget reached");
    holdsFor(THREE_BATCH_RUNS, () -> run.statuses().equals(held) && tasksInProgress() == 0);

    settings.setDailyBudget(spent.add(BigDecimal.ONE).toPlainString());

    run.awaitCompleted(PATIENCE);
    run.assertSound();
  }

  /**
   * A limit of 30 requests per minute spaces the calls of every partition of every node two seconds
   * apart, so no second, and no minute, ever holds more than the limit allows.
   */
  @Test
  void aRateLimitOf30RequestsPerMinuteIsNeverExceededByTheWorkOfSeveralPartitions() {
    ollama.answerWith("ollama-ok-clean");
    signIn().setRateLimits("30", "");
    FaultRun run = FaultRun.upload(api, "postgres", RATE_LIMITED);

    run.awaitCompleted(PATIENCE);
    run.assertSound();
    List<Instant> calls = ollama.chatTimes();
    assertThat(calls).hasSize(RATE_LIMITED);
    Map<Long, Long> perSecond =
        calls.stream()
            .collect(Collectors.groupingBy(Instant::getEpochSecond, Collectors.counting()));
    assertThat(perSecond.values()).as("calls per second").allMatch(count -> count == 1);
    for (int i = 0; i < calls.size(); i++) {
      for (int j = i + 1; j < calls.size(); j++) {
        assertThat(Duration.between(calls.get(i), calls.get(j)))
            .as(
                "from call %d to call %d: two seconds a call, less what the stub's clock adds",
                i, j)
            .isGreaterThanOrEqualTo(Duration.ofSeconds(2L * (j - i)).minus(MEASURING));
      }
    }
  }

  /**
   * The model turns every call away with 429 and Retry-After 5 for ten seconds. Were each task to
   * wait on its own, the 20 of them would ask again every 5 s, some 40 calls in the ten seconds; as
   * the whole node waits, only the tasks claimed by then ask, a few at a time.
   */
  @Test
  void a429StormSlowsTheWholeNodeDownAndTheWorkFinishesAfterIt() {
    ollama.answerWith("ollama-ok-clean");
    StubMapping storm = ollama.turnAwayWith429(5);
    FaultRun run;
    int turnedAway;
    try {
      run = FaultRun.upload(api, "postgres", 20);
      awaitTrue(() -> !ollama.chatRequests().isEmpty(), "the first call turned away");
      Instant firstTurnedAway = Instant.now();
      awaitTrue(
          () ->
              run.heldBack().values().stream()
                  .anyMatch(reason -> reason.startsWith("slowed down: ollama answered 429")),
          "the tasks held back");
      assertThat(providerWork()).isEqualTo("slowed-down");
      awaitTrue(
          () -> Instant.now().isAfter(firstTurnedAway.plus(STORM)), "the storm to have lasted");
      turnedAway = ollama.chatRequests().size();
    } finally {
      ollama.remove(storm);
    }

    assertThat(turnedAway).as("calls turned away in %s", STORM).isBetween(1, 16);
    assertThat(run.statuses()).doesNotContainKey("FAILED");
    run.awaitCompleted(PATIENCE);
    run.assertSound();
    assertThat(run.attemptsCounted()).isEqualTo(20);
  }

  private String providerWork() {
    for (JsonNode check : api.get("health/ready").body().path("checks")) {
      if ("ai-provider".equals(check.path("name").asText())) {
        return check.path("data").path("work").asText();
      }
    }
    throw new AssertionError("no ai-provider check in /health/ready");
  }

  private SettingsPage signIn() {
    return LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD).goToSettings();
  }

  private static BigDecimal spentToday() throws SQLException {
    try (Connection connection = database();
        PreparedStatement sum =
            connection.prepareStatement(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM model_usage"
                    + " WHERE provider = 'ollama' AND at >= ?")) {
      sum.setTimestamp(1, TestEnvironment.startOfTodayUtc());
      try (ResultSet result = sum.executeQuery()) {
        result.next();
        return result.getBigDecimal(1);
      }
    }
  }

  private static long tasksInProgress() {
    try (Connection connection = database();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery("SELECT COUNT(*) FROM ai_task WHERE status = 'PROCESSING'")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(TestEnvironment.jdbcUrl("postgres"), "postgres", "postgres");
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      pause();
    }
  }

  /** Checks {@code condition} again and again for {@code period}: it must hold every time. */
  private static void holdsFor(Duration period, BooleanSupplier condition) {
    Instant end = Instant.now().plus(period);
    while (Instant.now().isBefore(end)) {
      assertThat(condition.getAsBoolean()).as("still so after " + period).isTrue();
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
