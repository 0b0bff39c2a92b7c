package dev.glimpse.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The failed console sign-ins of one user name or one client address since its last success, and
 * until when further attempts are refused.
 */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailures {

  @Id
  @Column(name = "subject", length = 200)
  private String subject;

  @Column(name = "failures", nullable = false)
  private int failures;

  @Column(name = "last_failure_at", nullable = false)
  private Instant lastFailureAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected SignInFailures() {}

  SignInFailures(String subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /**
   * Counts a failure at {@code now}. Past {@code free} failures each one locks the subject for
   * {@code backoff}, doubled with every further failure, up to {@code longest}; failures older than
   * {@code forgetAfter} are forgotten first.
   */
  void failed(int free, Duration backoff, Duration longest, Duration forgetAfter, Instant now) {
    if (lastFailureAt != null && lastFailureAt.plus(forgetAfter).isBefore(now)) {
      failures = 0;
    }
    failures++;
    lastFailureAt = now;
    if (failures >= free) {
      int doublings = Math.min(failures - free, 20);
      Duration lock = backoff.multipliedBy(1L << doublings);
      lockedUntil = now.plus(lock.compareTo(longest) > 0 ? longest : lock);
    }
  }

  /** How long attempts are refused from {@code now}; zero when they are not. */
  Duration lockedFor(Instant now) {
    return lockedUntil == null || !lockedUntil.isAfter(now)
        ? Duration.ZERO
        : Duration.between(now, lockedUntil);
  }

  int failures() {
    return failures;
  }
}
