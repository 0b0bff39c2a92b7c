package dev.glimpse.domain.provider;

import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.usage.ModelUsageLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Pauses, resumes and budgets a provider's work, for every node: kept in the database. */
@ApplicationScoped
public class ProviderControls {

  private static final Logger LOG = Logger.getLogger(ProviderControls.class);

  /**
   * The longest a provider's answer stops every node: a proxy's Retry-After of a day does not stop
   * the cluster for a day, and an admin's Resume lifts the wait at once.
   */
  static final Duration LONGEST_SLOW_DOWN = Duration.ofMinutes(5);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject ModelUsageLog usage;

  Clock clock = Clock.systemUTC();

  /**
   * What was decided for {@code provider} and what its calls spent since {@code dayStart} and
   * {@code monthStart}, read in a short transaction of its own: a batch job asks while its chunk's
   * transaction is open, and that transaction must not keep a connection through the model call
   * that follows.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public ProviderReading reading(String provider, Instant dayStart, Instant monthStart) {
    return new ProviderReading(
        em.find(ProviderControl.class, provider),
        usage.ofProviderSince(provider, dayStart),
        usage.ofProviderSince(provider, monthStart));
  }

  /** What was decided for {@code provider}, if anything. */
  @Transactional(TxType.SUPPORTS)
  public Optional<ProviderControl> find(String provider) {
    return Optional.ofNullable(em.find(ProviderControl.class, provider));
  }

  /** Holds every task for {@code provider} PENDING from now on; a paused provider stays paused. */
  @Transactional
  public void pause(String provider, Actor actor) {
    control(provider, actor).pause(actor.toString(), clock.instant());
    LOG.infof("Work for %s paused by %s", provider, actor);
  }

  /** Lets the work for {@code provider} go on, also if it asked every node to slow down. */
  @Transactional
  public void resume(String provider, Actor actor) {
    control(provider, actor).resume(actor.toString(), clock.instant());
    LOG.infof("Work for %s resumed by %s", provider, actor);
  }

  /** Sets the caps the calls to {@code provider} keep to; {@link Budget#NONE} lifts them. */
  @Transactional
  public void setBudget(String provider, Budget budget, Actor actor) {
    control(provider, actor).budget(budget, actor.toString(), clock.instant());
    LOG.infof("Budget of %s set to %s by %s", provider, budget, actor);
  }

  /**
   * Sets how fast the whole cluster may call {@code provider}; {@link RateLimits#NONE} lifts it.
   */
  @Transactional
  public void setRateLimits(String provider, RateLimits limits, Actor actor) {
    control(provider, actor).limit(limits, actor.toString(), clock.instant());
    LOG.infof("Rate limits of %s set to %s by %s", provider, limits.describe(), actor);
  }

  /**
   * The provider answered a call with 429 or 503 asking for {@code wait}: no node claims work for
   * it until then. Recorded in a transaction of its own, whatever becomes of the attempt.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void slowDown(String provider, Duration wait, String reason, Actor actor) {
    Duration held = wait.compareTo(LONGEST_SLOW_DOWN) > 0 ? LONGEST_SLOW_DOWN : wait;
    control(provider, actor).slowDown(clock.instant().plus(held), reason);
    LOG.infof("%s asked to slow down for %d s: %s", provider, held.toSeconds(), reason);
  }

  private ProviderControl control(String provider, Actor actor) {
    ProviderControl control =
        em.find(ProviderControl.class, provider, LockModeType.PESSIMISTIC_WRITE);
    if (control == null) {
      Instant now = clock.instant();
      control = new ProviderControl(provider, actor.toString(), now);
      em.persist(control);
    }
    return control;
  }
}
