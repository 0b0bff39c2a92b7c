package dev.glimpse.domain.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.provider.ProviderState.Condition;
import dev.glimpse.domain.support.H2PersistenceUnit;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.usage.ModelUsageLog;
import dev.glimpse.domain.usage.UsageLogs;
import dev.glimpse.domain.usage.UsageRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pauses and budgets as every node reads them from the database (H2). */
class ProviderGateTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:30:00Z");
  private static final Actor ADMIN = Actor.user("admin");

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final ProviderControls controls = new ProviderControls();
  private final ProviderGate gate = new ProviderGate();
  private final ModelUsageLog usage =
      UsageLogs.on(em, Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC));

  ProviderGateTest() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    controls.em = em;
    controls.usage = usage;
    controls.clock = clock;
    gate.controls = controls;
    gate.clock = clock;
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void aProviderNobodyDecidedAnythingForRuns() {
    assertThat(state().condition()).isEqualTo(Condition.RUNNING);
    assertThat(state().holdBack()).isEmpty();
  }

  @Test
  void aPausedProviderSaysWhoPausedItAndWhenUntilItIsResumed() {
    inTransaction(() -> controls.pause("ollama", ADMIN));

    assertThat(state().condition()).isEqualTo(Condition.PAUSED);
    assertThat(state().holdBack()).contains("paused by user:admin at 2026-11-30 10:30 UTC");
    assertThat(state().publicHoldBack()).contains("paused by an administrator");

    inTransaction(() -> controls.resume("ollama", ADMIN));

    assertThat(state().condition()).isEqualTo(Condition.RUNNING);
  }

  @Test
  void spendingTheDailyDollarsHoldsTheWorkBackUntilTheCapIsRaised() {
    inTransaction(
        () ->
            controls.setBudget(
                "ollama", new Budget(new BigDecimal("0.01"), null, null, null), ADMIN));
    call("ollama", "0.006");
    assertThat(state().condition()).isEqualTo(Condition.RUNNING);

    call("ollama", "0.006");
    call("openai", "5");

    assertThat(state().condition()).isEqualTo(Condition.OVER_BUDGET);
    assertThat(state().reason()).isEqualTo("budget reached: $0.012 of the daily $0.01 spent");
    assertThat(state().today().costUsd()).isEqualByComparingTo("0.012");

    inTransaction(
        () ->
            controls.setBudget("ollama", new Budget(new BigDecimal("1"), null, null, null), ADMIN));

    assertThat(state().condition()).isEqualTo(Condition.RUNNING);
  }

  @Test
  void aTokenCapCountsTokensInAndOut() {
    inTransaction(() -> controls.setBudget("ollama", new Budget(null, null, null, 1400L), ADMIN));
    call("ollama", null);

    assertThat(state().thisMonth().tokens()).isEqualTo(700);
    assertThat(state().condition()).isEqualTo(Condition.RUNNING);

    call("ollama", null);

    assertThat(state().reason()).isEqualTo("budget reached: 1400 of the monthly 1400 tokens used");
  }

  @Test
  void aProviderThatAskedToSlowDownHoldsTheWorkBackUntilTheTimeItAskedFor() {
    inTransaction(
        () -> controls.slowDown("ollama", Duration.ofSeconds(5), "ollama answered 429", ADMIN));
    inTransaction(
        () -> controls.slowDown("ollama", Duration.ofSeconds(2), "ollama answered 503", ADMIN));

    assertThat(state().condition()).isEqualTo(Condition.SLOWED_DOWN);
    assertThat(state().describe())
        .isEqualTo("Waiting: slowed down: ollama answered 429; no new calls until 10:30:05 UTC");

    gate.clock = Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC);

    assertThat(state().condition()).isEqualTo(Condition.RUNNING);
  }

  @Test
  void aRetryAfterOfADayStopsTheWorkForFiveMinutesAtMostAndResumingLiftsIt() {
    inTransaction(
        () -> controls.slowDown("ollama", Duration.ofDays(1), "ollama answered 429", ADMIN));

    assertThat(state().reason()).endsWith("no new calls until 10:35:00 UTC");
    assertThat(state().publicHoldBack()).contains(state().reason());

    inTransaction(() -> controls.resume("ollama", ADMIN));

    assertThat(state().condition()).isEqualTo(Condition.RUNNING);
  }

  @Test
  void aCapIsMoreThanNothing() {
    assertThatThrownBy(() -> new Budget(BigDecimal.ZERO, null, null, null))
        .hasMessage("the cap on daily dollars must be more than 0");
    assertThatThrownBy(() -> new Budget(null, null, -5L, null))
        .hasMessage("the cap on daily tokens must be more than 0");
    assertThatThrownBy(() -> new Budget(new BigDecimal("0.000000001"), null, null, null))
        .hasMessage("the cap on daily dollars has more than 8 decimal places");
    assertThatThrownBy(() -> new Budget(null, new BigDecimal("1000000"), null, null))
        .hasMessage("the cap on monthly dollars must be less than 1000000");
    assertThat(new Budget(null, null, 5_000_000_000L, null).dailyTokens())
        .isEqualTo(5_000_000_000L);
    assertThat(Budget.NONE.isSet()).isFalse();
  }

  private ProviderState state() {
    gate.forget("ollama");
    em.clear();
    return gate.state("ollama");
  }

  private void call(String provider, String cost) {
    inTransaction(
        () ->
            usage.record(
                new UsageRecord(
                    UUID.randomUUID().toString(),
                    "DESCRIBE_IMAGE",
                    "api:bootstrap",
                    provider,
                    "llava:7b",
                    1,
                    200,
                    600,
                    100,
                    cost == null ? null : new BigDecimal(cost),
                    "answered")));
  }

  private void inTransaction(Runnable work) {
    em.getTransaction().begin();
    work.run();
    em.getTransaction().commit();
  }
}
