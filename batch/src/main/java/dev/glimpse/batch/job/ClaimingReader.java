package dev.glimpse.batch.job;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskService;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Claims due tasks of one kind one by one, each under a lease of its own that the {@link
 * LeaseKeeper} renews while the work goes on. When none is due it keeps looking for {@link
 * #linger()} (every {@value #POLL_MILLIS} ms) before its partition ends. While the {@link
 * ProviderGate} holds the provider's work back (paused, over its budget, slowed down) nothing is
 * claimed and the partition ends at once, so that what it did so far is recorded: the tasks stay
 * PENDING, no attempt is counted, and the next run looks again.
 */
public abstract class ClaimingReader extends AbstractItemReader {

  static final long POLL_MILLIS = 500;

  private static final Logger LOG = Logger.getLogger(ClaimingReader.class);

  @Inject TaskService tasks;

  @Inject JobActor job;

  @Inject LeaseKeeper leases;

  @Inject ProviderGate gate;

  @Inject HeldBack heldBackLog;

  /** The kind of task this reader claims. */
  protected abstract TaskKind kind();

  /** How long to keep looking for work once none is due. */
  protected abstract Duration linger();

  @Override
  public ClaimedTask readItem() throws InterruptedException {
    long giveUpAt = System.nanoTime() + linger().toNanos();
    while (true) {
      if (ApplicationStopping.now()) {
        LOG.debugf("Stopping: no more %s tasks claimed", kind());
        return null;
      }
      Optional<String> heldBack = gate.state().holdBack();
      heldBackLog.log(gate.inUse(), heldBack);
      if (heldBack.isPresent()) {
        return null;
      }
      Optional<ClaimedTask> claimed = tasks.claimNext(kind(), job.leaseHolder(), job.actor());
      if (claimed.isPresent()) {
        ClaimedTask task = claimed.get();
        leases.hold(task);
        LOG.infof(
            "Task(id=%s, kind=%s) claimed, attempt %d", task.taskId(), task.kind(), task.attempt());
        return task;
      }
      if (System.nanoTime() >= giveUpAt) {
        return null;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
