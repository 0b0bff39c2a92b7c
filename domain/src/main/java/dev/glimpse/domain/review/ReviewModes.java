package dev.glimpse.domain.review;

import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The review mode of each content kind, read from the database on every decision so that a change
 * made on one node holds on all of them at once. Without a stored setting a kind is in {@link
 * ReviewMode#AUTO}.
 */
@ApplicationScoped
public class ReviewModes {

  private static final Logger LOG = Logger.getLogger(ReviewModes.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** The mode in force for {@code kind}. */
  @Transactional(TxType.SUPPORTS)
  public ReviewMode mode(ContentKind kind) {
    ReviewSetting setting = em.find(ReviewSetting.class, kind);
    return setting == null ? ReviewMode.AUTO : setting.mode();
  }

  /** Sets the mode of {@code kind}; it applies to results recorded from now on. */
  @Transactional
  public void set(ContentKind kind, ReviewMode mode, Actor actor) {
    ReviewSetting setting = em.find(ReviewSetting.class, kind);
    if (setting == null) {
      em.persist(new ReviewSetting(kind, mode, actor.toString(), clock.instant()));
    } else {
      setting.change(mode, actor.toString(), clock.instant());
    }
    LOG.infof("Review mode of %s set to %s by %s", kind, mode, actor);
  }
}
