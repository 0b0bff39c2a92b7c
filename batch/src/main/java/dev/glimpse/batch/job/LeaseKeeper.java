package dev.glimpse.batch.job;

import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The heartbeat of the tasks this node is working on. A claim is held from the moment it is made
 * until its outcome is recorded; every third of {@code GLIMPSE_TASK_LEASE} its lease is renewed, as
 * long as the work shows progress: a model call begun, a part of a document summarised. Work that
 * shows none for {@code GLIMPSE_TASK_STALL} is taken to hang: its lease is no longer renewed, runs
 * out, and the task goes to another worker. A renewal that finds the lease gone (the task was taken
 * back meanwhile) drops the claim, and the work can ask {@link #holds} to stop early.
 *
 * <p>So the lease can be short and a crashed node's tasks are taken over within about a lease,
 * while a long document (dozens of model calls in a row) keeps its task for as long as it takes.
 */
@ApplicationScoped
public class LeaseKeeper {

  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

  @Inject TaskService tasks;

  @Inject GlimpseSettings settings;

  @Resource ManagedScheduledExecutorService scheduler;

  final Map<String, Claim> claims = new ConcurrentHashMap<>();

  private ScheduledFuture<?> heartbeat;

  /** From now on renews {@code task}'s lease while its work makes progress. */
  public void hold(ClaimedTask task) {
    claims.put(task.leaseOwner(), new Claim(task.taskId()));
    startBeating();
  }

  /**
   * Notes that the work on {@code task} moved on: its lease is renewed for another stall period.
   */
  public void progress(ClaimedTask task) {
    Claim claim = claims.get(task.leaseOwner());
    if (claim != null) {
      claim.progressed();
    }
  }

  /** Whether this node still holds {@code task}: false once its lease was found taken back. */
  public boolean holds(ClaimedTask task) {
    return claims.containsKey(task.leaseOwner());
  }

  /**
   * Runs the work on {@code task}; if it throws, stops renewing the lease, so that the task is
   * taken over when the lease runs out rather than when the stall limit is reached.
   */
  public <T> T working(ClaimedTask task, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      release(task);
      throw e;
    }
  }

  /** Stops renewing {@code task}'s lease: its outcome was recorded, or the work gave up. */
  public void release(ClaimedTask task) {
    claims.remove(task.leaseOwner());
  }

  private synchronized void startBeating() {
    if (heartbeat == null) {
      long period = period(settings.lease()).toMillis();
      heartbeat =
          scheduler.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stopBeating() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
  }

  void beat() {
    long stall = settings.stall().toNanos();
    claims.forEach(
        (leaseOwner, claim) -> TaskMdc.run(claim.taskId, () -> renew(leaseOwner, claim, stall)));
  }

  private void renew(String leaseOwner, Claim claim, long stall) {
    if (claim.idleNanos() > stall) {
      claims.remove(leaseOwner);
      LOG.warnf(
          "Task(id=%s) has shown no progress for %s: its lease is left to run out",
          claim.taskId, settings.stall());
      return;
    }
    try {
      if (!tasks.renewLease(claim.taskId, leaseOwner)) {
        claims.remove(leaseOwner);
        LOG.infof(
            "Task(id=%s) lease was taken back; its attempt's outcome will be discarded",
            claim.taskId);
      }
    } catch (Exception e) {
      // a commit the database broke off throws RollbackException, a checked exception the
      // transactional proxy lets through: caught too, or the heartbeat would stop for good
      LOG.warnf("Task(id=%s) lease not renewed this time: %s", claim.taskId, e.getMessage());
    }
  }

  /** A claim this node holds, and when its work last moved on. */
  static final class Claim {

    final String taskId;
    private volatile long progressedAt = System.nanoTime();

    Claim(String taskId) {
      this.taskId = taskId;
    }

    void progressed() {
      progressedAt = System.nanoTime();
    }

    long idleNanos() {
      return System.nanoTime() - progressedAt;
    }
  }

  /** How long the heartbeat waits between renewals, for a lease of {@code lease}. */
  static Duration period(Duration lease) {
    return Duration.ofMillis(Math.max(100, lease.toMillis() / 3));
  }
}
