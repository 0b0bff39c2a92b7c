package dev.glimpse.batch.backfill;

import dev.glimpse.batch.job.ApplicationStopping;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.backfill.FeedStep;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads a backfill's next page of candidates as one item, once the queue has room for them. While
 * it has none the reader waits, and after {@link #HEARTBEAT} of waiting hands over an empty page,
 * so that no chunk transaction lasts long. It ends when the backfill is done, paused or cancelled,
 * or another job feeds it.
 */
@Dependent
@Named("BackfillReader")
public class BackfillReader extends AbstractItemReader {

  static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(BackfillReader.class);

  @Inject Backfills backfills;

  @Inject BackfillRunner runner;

  @Override
  public Object readItem() throws InterruptedException {
    long heartbeatAt = System.nanoTime() + HEARTBEAT.toNanos();
    while (!ApplicationStopping.now()) {
      FeedStep step = backfills.next(runner.backfillId(), runner.runner());
      if (step instanceof FeedStep.Page page) {
        return (Serializable) List.copyOf(page.ids());
      }
      if (step instanceof FeedStep.Stop stop) {
        LOG.debugf("Backfill(id=%s) feeding stops: %s", runner.backfillId(), stop.why());
        return null;
      }
      if (System.nanoTime() >= heartbeatAt) {
        return List.of();
      }
      Thread.sleep(((FeedStep.Wait) step).pause().toMillis());
    }
    backfills.release(runner.backfillId(), runner.runner());
    return null;
  }
}
