package dev.glimpse.domain.task;

import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.Races;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** What staff and API clients ask of tasks directly: another try for one task, or for a cause. */
@ApplicationScoped
public class TaskCommands {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /** A page that lost a race with another change to one of its tasks is read and tried again. */
  static final int PAGE_TRIES = 3;

  private static final Logger LOG = Logger.getLogger(TaskCommands.class);

  @Inject TaskReads reads;

  @Inject RetryPages pages;

  @Inject GlimpseSettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Sends a FAILED or FLAGGED task back to PENDING with fresh attempts, if {@code owner} may see it
   * ({@code null} owner: staff).
   *
   * @throws IllegalTaskTransitionException when the task is in any other state
   */
  @Transactional
  public AiTask retry(String taskId, String owner, Actor actor) {
    AiTask task = reads.visible(taskId, owner);
    task.requeue(actor, clock.instant());
    return task;
  }

  /**
   * Sends every FAILED or FLAGGED task matching {@code query} back to PENDING, a page at a time,
   * each page in a transaction of its own; returns how many. It retries at most as many as matched
   * when it began, so tasks that fail again meanwhile are not retried twice. A bulk retry cut short
   * by a crash has committed its pages, and running it again finishes the rest: a retried task no
   * longer matches.
   */
  public int retryAll(TaskQuery query, Actor actor) {
    if (query.status() != TaskStatus.FAILED && query.status() != TaskStatus.FLAGGED) {
      throw new IllegalArgumentException("only FAILED or FLAGGED tasks can be retried");
    }
    int pageSize = settings.retryPageSize();
    long matching = reads.count(query);
    int total = 0;
    for (int page = 1; total < matching; page++) {
      int size = (int) Math.min(pageSize, matching - total);
      int requeued = Races.retried(() -> pages.retryFirst(query, size, actor), PAGE_TRIES);
      total += requeued;
      LOG.infof(
          "Bulk retry: page %d requeued %d tasks (%d of %d)", page, requeued, total, matching);
      if (requeued < size) {
        break;
      }
    }
    return total;
  }
}
