package dev.glimpse.domain.access;

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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing of console passwords, for the whole cluster: after {@value #FREE_FAILURES}
 * failed sign-ins of one user name, or from one client address, further attempts of that name or
 * from that address are refused for {@code GLIMPSE_SIGN_IN_BACKOFF}, doubled with each further
 * failure, up to {@link #LONGEST}. A success clears both; failures an hour old are forgotten.
 */
@ApplicationScoped
public class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration LONGEST = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** The longest part of a user name that identifies its failures. */
  private static final int NAME_LENGTH = 64;

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "glimpse.sign-in.backoff", defaultValue = "PT30S")
  Duration backoff;

  Clock clock = Clock.systemUTC();

  /**
   * How long sign-ins of {@code user} from {@code address} are refused now; zero when they are not.
   */
  @Transactional(TxType.SUPPORTS)
  public Duration lockedFor(String user, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String subject : subjects(user, address)) {
      SignInFailures failures = em.find(SignInFailures.class, subject);
      if (failures != null && failures.lockedFor(now).compareTo(longest) > 0) {
        longest = failures.lockedFor(now);
      }
    }
    return longest;
  }

  /**
   * Counts a failed sign-in of {@code user} from {@code address}, and drops what was forgotten, so
   * that guesses of many names leave no more than an hour of rows.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void failed(String user, String address) {
    Instant now = clock.instant();
    em.createQuery(
            "DELETE FROM SignInFailures f WHERE f.lastFailureAt < :forgotten"
                + " AND (f.lockedUntil IS NULL OR f.lockedUntil < :now)")
        .setParameter("forgotten", now.minus(FORGET_AFTER))
        .setParameter("now", now)
        .executeUpdate();
    for (String subject : subjects(user, address)) {
      SignInFailures failures =
          em.find(SignInFailures.class, subject, LockModeType.PESSIMISTIC_WRITE);
      if (failures == null) {
        failures = new SignInFailures(subject);
        em.persist(failures);
      }
      failures.failed(FREE_FAILURES, backoff, LONGEST, FORGET_AFTER, now);
    }
  }

  /** Forgets the failures of {@code user} and of {@code address}: they signed in. */
  @Transactional(TxType.REQUIRES_NEW)
  public void succeeded(String user, String address) {
    em.createQuery("DELETE FROM SignInFailures f WHERE f.subject IN :subjects")
        .setParameter("subjects", subjects(user, address))
        .executeUpdate();
  }

  private static List<String> subjects(String user, String address) {
    String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    if (name.length() > NAME_LENGTH) {
      name = name.substring(0, NAME_LENGTH);
    }
    return List.of("user:" + name, "address:" + (address == null ? "" : address));
  }
}
