package dev.glimpse.domain.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kept summaries of long documents' parts. Each method is a short transaction of its own, so a
 * map-reduce keeps each part the moment it is made, whatever happens to the attempt afterwards.
 */
@ApplicationScoped
public class SummaryParts {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** The part summary kept under {@code key}, if any. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<SummaryPart> find(String key) {
    return Optional.ofNullable(em.find(SummaryPart.class, key));
  }

  /**
   * Keeps a part's summary under {@code key} unless one is kept there already. Two workers keeping
   * the same part at once: one of them fails at commit, and the part is kept all the same.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void keep(String key, String text, List<String> keyPoints) {
    if (em.find(SummaryPart.class, key) == null) {
      em.persist(new SummaryPart(key, text, keyPoints, clock.instant()));
    }
  }

  /** Forgets the part summaries made before {@code cutoff}; returns how many. */
  @Transactional(TxType.REQUIRES_NEW)
  public int forgetMadeBefore(Instant cutoff) {
    return em.createQuery("DELETE FROM SummaryPart p WHERE p.madeAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
