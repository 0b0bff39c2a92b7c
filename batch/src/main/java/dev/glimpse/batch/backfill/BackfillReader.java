package dev.glimpse.batch.backfill;

import dev.glimpse.batch.job.ApplicationStopping;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.backfill.FeedStep;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads a backfill's next page of candidates as one item while the queue has room for them. When it
 * has none, or the backfill is done, paused, cancelled or fed by another job, the job ends: it
 * holds no batch thread while the items it handed over are worked on, and the scheduler starts it
 * again at its next run.
 */
@Dependent
@Named("BackfillReader")
public class BackfillReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(BackfillReader.class);

  @Inject Backfills backfills;

  @Inject BackfillRunner runner;

  @Override
  public Object readItem() {
    if (ApplicationStopping.now()) {
      backfills.release(runner.backfillId(), runner.runner());
      return null;
    }
    FeedStep step = backfills.next(runner.backfillId(), runner.runner());
    if (step instanceof FeedStep.Page page) {
      return (Serializable) List.copyOf(page.ids());
    }
    LOG.debugf("Backfill(id=%s) feeding pauses: %s", runner.backfillId(), step);
    return null;
  }
}
