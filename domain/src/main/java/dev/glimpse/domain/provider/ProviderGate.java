package dev.glimpse.domain.provider;

import dev.glimpse.domain.provider.ProviderState.Condition;
import dev.glimpse.domain.support.Races;
import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides, for every node alike, whether a provider's work may go on: not while an admin has paused
 * it, nor once its calls reached a cap of its budget (new calls wait; the tasks stay PENDING and
 * nothing fails). Read from the database at most once per {@link #FRESH_FOR} per provider, so a
 * decision taken on one node holds on all of them within seconds.
 */
@ApplicationScoped
public class ProviderGate {

  /** How long a provider's state is used before the database is asked again. */
  static final Duration FRESH_FOR = Duration.ofSeconds(2);

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject ProviderControls controls;

  @Inject
  @ConfigProperty(name = "glimpse.ai.provider", defaultValue = "local")
  String configured;

  Clock clock = Clock.systemUTC();

  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  private record Read(Instant at, ProviderState state) {}

  /** The provider this node calls: {@code ollama}, {@code openai} or {@code local}. */
  public String inUse() {
    return configured.strip().toLowerCase(Locale.ROOT);
  }

  /** The state of the provider this node calls, at most {@link #FRESH_FOR} old. */
  public ProviderState state() {
    return state(inUse());
  }

  /** The state of {@code provider}, at most {@link #FRESH_FOR} old. */
  public ProviderState state(String provider) {
    Instant now = clock.instant();
    Read last = reads.get(provider);
    if (last == null || !now.isBefore(last.at().plus(FRESH_FOR))) {
      last = new Read(now, read(provider, now));
      reads.put(provider, last);
    }
    return last.state();
  }

  /**
   * Tells the gate that this node's calls to {@code provider} just spent money or tokens: while a
   * budget is set, its spend is read again before the next task is claimed, so that a cap stops the
   * claims on this node as soon as it is reached rather than up to {@link #FRESH_FOR} later.
   */
  public void spent(String provider) {
    Read last = reads.get(provider);
    if (last != null && last.state().budget().isSet()) {
      reads.remove(provider);
    }
  }

  /**
   * The provider answered one of this node's calls with 429 or 503, asking for {@code wait}: every
   * node holds its work back until then, this one at once. Nodes that are told so at the same
   * moment, before the provider has a row of controls, race to make it; the losers try again.
   */
  public void pushedBack(String provider, Duration wait, Actor actor) {
    Races.retried(
        () -> {
          controls.slowDown(
              provider,
              wait,
              provider + " answered 429 or 503 (too many requests, or busy)",
              actor);
          return null;
        },
        3);
    reads.remove(provider);
  }

  /** Forgets what was read, so that a change made on this node shows at once. */
  public void forget(String provider) {
    reads.remove(provider);
  }

  private ProviderState read(String provider, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    ProviderReading reading =
        controls.reading(
            provider,
            today.atStartOfDay().toInstant(ZoneOffset.UTC),
            today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    ProviderControl control = reading.control();
    Budget budget = control == null ? Budget.NONE : control.budget();
    Condition condition = Condition.RUNNING;
    String reason = "running";
    if (control != null && control.paused()) {
      condition = Condition.PAUSED;
      reason = "paused by " + control.pausedBy() + " at " + WHEN.format(control.pausedAt());
    } else {
      String over =
          overBudget(
              budget,
              reading.today().costUsd(),
              reading.today().tokens(),
              reading.thisMonth().costUsd(),
              reading.thisMonth().tokens());
      if (over != null) {
        condition = Condition.OVER_BUDGET;
        reason = "budget reached: " + over;
      } else if (control != null
          && control.slowUntil() != null
          && control.slowUntil().isAfter(now)) {
        condition = Condition.SLOWED_DOWN;
        reason =
            "slowed down: "
                + control.slowReason()
                + "; no new calls until "
                + SECOND.format(control.slowUntil());
      }
    }
    return new ProviderState(
        provider,
        condition,
        reason,
        budget,
        control == null ? RateLimits.NONE : control.rateLimits(),
        reading.today(),
        reading.thisMonth());
  }

  /** Which cap the spend reached, or null. */
  static String overBudget(
      Budget budget, BigDecimal dayUsd, long dayTokens, BigDecimal monthUsd, long monthTokens) {
    if (budget.dailyUsd() != null && dayUsd.compareTo(budget.dailyUsd()) >= 0) {
      return dollars(dayUsd) + " of the daily " + dollars(budget.dailyUsd()) + " spent";
    }
    if (budget.monthlyUsd() != null && monthUsd.compareTo(budget.monthlyUsd()) >= 0) {
      return dollars(monthUsd) + " of the monthly " + dollars(budget.monthlyUsd()) + " spent";
    }
    if (budget.dailyTokens() != null && dayTokens >= budget.dailyTokens()) {
      return dayTokens + " of the daily " + budget.dailyTokens() + " tokens used";
    }
    if (budget.monthlyTokens() != null && monthTokens >= budget.monthlyTokens()) {
      return monthTokens + " of the monthly " + budget.monthlyTokens() + " tokens used";
    }
    return null;
  }

  private static String dollars(BigDecimal amount) {
    return "$" + amount.stripTrailingZeros().toPlainString();
  }
}
