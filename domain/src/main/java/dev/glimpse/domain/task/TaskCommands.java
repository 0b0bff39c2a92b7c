package dev.glimpse.domain.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What staff and API clients ask of tasks directly: another try for one task, or for a cause. */
@ApplicationScoped
public class TaskCommands {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject TaskReads reads;

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
   * Sends every FAILED or FLAGGED task matching {@code query} back to PENDING; returns how many.
   */
  @Transactional
  public int retryAll(TaskQuery query, Actor actor) {
    if (query.status() != TaskStatus.FAILED && query.status() != TaskStatus.FLAGGED) {
      throw new IllegalArgumentException("only FAILED or FLAGGED tasks can be retried");
    }
    Instant now = clock.instant();
    List<AiTask> matching = reads.select(query, 0, Integer.MAX_VALUE);
    matching.forEach(task -> task.requeue(actor, now));
    return matching.size();
  }
}
