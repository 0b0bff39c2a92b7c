package dev.glimpse.domain.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One page of a bulk retry, in a transaction of its own. */
@ApplicationScoped
public class RetryPages {

  @Inject TaskReads reads;

  Clock clock = Clock.systemUTC();

  /**
   * Sends the first {@code size} tasks matching {@code query} back to PENDING and returns how many:
   * the tasks a page retries no longer match, so the next page is again the first.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int retryFirst(TaskQuery query, int size, Actor actor) {
    Instant now = clock.instant();
    List<AiTask> page = reads.select(query, 0, size);
    page.forEach(task -> task.requeue(actor, now));
    return page.size();
  }
}
