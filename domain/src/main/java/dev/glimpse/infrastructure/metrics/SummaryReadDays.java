package dev.glimpse.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;

/** The cluster's summary reads per UTC day, to which each node adds what it served. */
@ApplicationScoped
public class SummaryReadDays {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /**
   * Adds reads to {@code day}, in a transaction of its own. Two nodes making the day's row at the
   * same moment: one fails, and adds again once the row is there.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void add(LocalDate day, long hits, long staleHits, long misses) {
    int updated =
        em.createQuery(
                "UPDATE SummaryReadDay d SET d.hits = d.hits + :hits,"
                    + " d.staleHits = d.staleHits + :stale, d.misses = d.misses + :misses"
                    + " WHERE d.day = :day")
            .setParameter("hits", hits)
            .setParameter("stale", staleHits)
            .setParameter("misses", misses)
            .setParameter("day", day)
            .executeUpdate();
    if (updated == 0) {
      em.persist(new SummaryReadDay(day, hits, staleHits, misses));
    }
  }
}
