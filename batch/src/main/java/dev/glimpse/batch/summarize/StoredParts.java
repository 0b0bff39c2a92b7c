package dev.glimpse.batch.summarize;

import dev.glimpse.batch.job.LeaseKeeper;
import dev.glimpse.domain.document.SummaryParts;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.gateway.PartKey;
import dev.glimpse.gateway.PartMemory;
import dev.glimpse.gateway.prompt.Summary;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A claimed task's part memory: part summaries kept in the database, each part made counting as
 * progress of the task (its lease is renewed), and the work stopping once the lease is lost.
 */
final class StoredParts implements PartMemory {

  private static final Logger LOG = Logger.getLogger(StoredParts.class);

  private final SummaryParts parts;
  private final LeaseKeeper leases;
  private final ClaimedTask task;

  StoredParts(SummaryParts parts, LeaseKeeper leases, ClaimedTask task) {
    this.parts = parts;
    this.leases = leases;
    this.task = task;
  }

  @Override
  public Optional<Summary> recall(PartKey key) {
    return parts.find(key.digest()).map(part -> new Summary(part.text(), part.keyPoints()));
  }

  @Override
  public void keep(PartKey key, Summary summary) {
    leases.progress(task);
    try {
      parts.keep(key.digest(), summary.text(), summary.keyPoints());
    } catch (RuntimeException e) {
      LOG.infof(
          "Task(id=%s) a part summary was not kept (%s); a later attempt makes it again",
          task.taskId(), e.getMessage());
    }
  }

  @Override
  public boolean stillWanted() {
    return leases.holds(task);
  }
}
