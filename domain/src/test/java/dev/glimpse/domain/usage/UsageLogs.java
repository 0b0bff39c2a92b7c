package dev.glimpse.domain.usage;

import jakarta.persistence.EntityManager;
import java.time.Clock;

/** A {@link ModelUsageLog} for tests in other packages, on their entity manager and clock. */
public final class UsageLogs {

  private UsageLogs() {}

  public static ModelUsageLog on(EntityManager em, Clock clock) {
    ModelUsageLog log = new ModelUsageLog();
    log.em = em;
    log.clock = clock;
    return log;
  }
}
