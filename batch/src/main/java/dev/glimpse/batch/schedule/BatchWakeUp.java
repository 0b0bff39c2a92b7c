package dev.glimpse.batch.schedule;

import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wakes the batch jobs without making the caller wait: an upload or a retry sets a flag and
 * returns, and one background run starts the jobs for every request made until it begins. No
 * request thread takes the scheduler's lock or reads the job repository; a burst of a thousand
 * uploads costs one or two starts. If the executor refuses the work, the next scheduled run picks
 * the tasks up.
 */
@ApplicationScoped
public class BatchWakeUp implements TaskRunTrigger {

  private static final Logger LOG = Logger.getLogger(BatchWakeUp.class);

  private final AtomicBoolean pending = new AtomicBoolean();

  @Resource ManagedExecutorService executor;

  @Inject BatchScheduler scheduler;

  @Override
  public void runSoon() {
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::wake);
    } catch (RejectedExecutionException e) {
      pending.set(false);
      LOG.debugf("Wake-up refused (%s); the next scheduled run starts the jobs", e.getMessage());
    }
  }

  private void wake() {
    pending.set(false);
    try {
      scheduler.startUnlessRunning();
    } catch (RuntimeException e) {
      LOG.warnf(e, "Waking the batch jobs failed; the next scheduled run starts them");
    }
  }
}
