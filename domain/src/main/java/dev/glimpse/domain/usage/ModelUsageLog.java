package dev.glimpse.domain.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Keeps what model calls cost, each attempt's calls in a short transaction of their own: the money
 * is spent once the calls are made, whether or not the attempt's outcome is recorded after them.
 */
@ApplicationScoped
public class ModelUsageLog {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Records {@code usage}, made now. */
  @Transactional(TxType.REQUIRES_NEW)
  public void record(UsageRecord usage) {
    em.persist(new ModelUsage(usage, clock.instant()));
  }
}
