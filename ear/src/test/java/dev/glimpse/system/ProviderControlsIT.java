package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.LoginPage;
import dev.glimpse.system.console.SettingsPage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin pauses the provider's work and sets its budget on the console's settings page: the tasks
 * wait PENDING with the reason, no attempt is counted and nothing fails, until the pause is lifted
 * or the budget raised. Each stub call costs $0.00795 (795 tokens at the test's $10 per million),
 * so the second reaches a cap of $0.01.
 */
class ProviderControlsIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofMinutes(1);

  /** Three batch runs of the test server: long enough for a held task to have been claimed. */
  private static final Duration THREE_BATCH_RUNS = Duration.ofSeconds(6);

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
    assertThat(run.heldBack().values())
        .allMatch(reason -> reason.startsWith("paused by user:admin"));
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
    BigDecimal spent = spentToday();
    SettingsPage settings =
        signIn().setDailyBudget(spent.add(new BigDecimal("0.01")).toPlainString());

    FaultRun run = FaultRun.upload(api, "postgres", 10);

    awaitTrue(
        () -> !run.heldBack().isEmpty() && run.statuses().get("PROCESSING") == null,
        "the budget reached and no task in progress");
    Map<String, Integer> held = run.statuses();
    assertThat(held.get("COMPLETED"))
        .as("two calls reach the cap; the tasks claimed by then (one per partition) finish")
        .isBetween(2, 6);
    assertThat(held).containsOnlyKeys("COMPLETED", "PENDING");
    assertThat(run.heldBack().values())
        .allMatch(reason -> reason.startsWith("budget reached: $"))
        .allMatch(reason -> reason.contains(" of the daily $"));
    holdsFor(THREE_BATCH_RUNS, () -> run.statuses().equals(held));

    settings.setDailyBudget(spent.add(BigDecimal.ONE).toPlainString());

    run.awaitCompleted(PATIENCE);
    run.assertSound();
  }

  private SettingsPage signIn() {
    return LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD).goToSettings();
  }

  private static BigDecimal spentToday() throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement();
        ResultSet sum =
            statement.executeQuery(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM model_usage"
                    + " WHERE provider = 'ollama' AND at >= CURRENT_DATE")) {
      sum.next();
      return sum.getBigDecimal(1);
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
