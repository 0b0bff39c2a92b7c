package dev.glimpse.domain.task;

import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.domain.support.DomainLog;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.Races;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The task engine's entry points: claim due work under a lease, record steps and outcomes. Every
 * method runs in a short transaction of its own, so no database connection is held while a model
 * call is in flight.
 */
@ApplicationScoped
public class TaskService {

  private static final Logger LOG = Logger.getLogger(TaskService.class);
  private static final int CANDIDATES = 8;

  /** The error kind of a task whose item was deleted: its answer is not kept. */
  private static final String DISCARDED = "discarded";

  private static final int REAP_BATCH = 100;

  /** One claim in this many looks at LOW priority first. */
  static final int LOW_TURN = 4;

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject TaskClaims claimer;

  @Inject DatabaseKind database;

  private final AtomicLong claims = new AtomicLong();

  @Inject GlimpseSettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Makes the tasks of {@code subjectId}, an item being deleted, forget what they held of it (see
   * {@link AiTask#forgetDeletedItem}); joins the deleting transaction.
   */
  @Transactional(TxType.MANDATORY)
  public void forgetDeletedItem(String subjectId, Actor actor) {
    Instant now = clock.instant();
    for (AiTask task :
        em.createQuery("SELECT t FROM AiTask t WHERE t.subjectId = :subject", AiTask.class)
            .setParameter("subject", subjectId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      task.forgetDeletedItem(actor, now);
    }
  }

  /**
   * Claims the most urgent due task of {@code kind}, if there is one. HIGH goes before LOW, except
   * that every {@value #LOW_TURN}th claim looks at LOW first: a LOW backlog keeps moving while HIGH
   * work keeps arriving, and HIGH work waits behind at most one LOW task.
   *
   * <p>Each claim gets a lease of its own, named {@code holder#<random>}: only this claim may renew
   * it or record an outcome under it, so a task that was taken over is never concluded twice, even
   * when the same job execution claims it again. {@code holder} must start with this node's name
   * and a slash, so that the node can find its leases again when it restarts.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<ClaimedTask> claimNext(TaskKind kind, String holder, Actor actor) {
    String leaseOwner = holder + "#" + UUID.randomUUID();
    if (claims.incrementAndGet() % LOW_TURN == 0) {
      Optional<ClaimedTask> low = claimNext(kind, TaskPriority.LOW.rank(), leaseOwner, actor);
      if (low.isPresent()) {
        return low;
      }
    }
    return claimNext(kind, null, leaseOwner, actor);
  }

  private Optional<ClaimedTask> claimNext(
      TaskKind kind, Integer rank, String leaseOwner, Actor actor) {
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(settings.lease());
    if (database.isPostgreSql()) {
      return claimer.claimLocked(kind, rank, leaseOwner, leaseUntil, actor, now);
    }
    var query =
        em.createNamedQuery(rank == null ? AiTask.DUE_IDS : AiTask.DUE_IDS_OF_RANK, String.class)
            .setParameter("kind", kind)
            .setParameter("now", now);
    if (rank != null) {
      query.setParameter("rank", rank);
    }
    for (String id : query.setMaxResults(CANDIDATES).getResultList()) {
      try {
        Optional<ClaimedTask> claimed = claimer.claim(id, leaseOwner, leaseUntil, actor, now);
        if (claimed.isPresent()) {
          return claimed;
        }
      } catch (Exception e) {
        if (!Races.isLostRace(e)) {
          throw e;
        }
        LOG.debugf("Task(id=%s) was claimed by another node first", id);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns tasks whose lease expired — the node working on them crashed or stopped answering — to
   * PENDING, or to FAILED when that was their last attempt. Returns how many.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public int reapExpiredLeases(Actor actor) {
    Instant now = clock.instant();
    List<String> expired =
        em.createNamedQuery(AiTask.EXPIRED_LEASE_IDS, String.class)
            .setParameter("now", now)
            .setMaxResults(REAP_BATCH)
            .getResultList();
    int reaped = 0;
    for (String id : expired) {
      try {
        reaped += claimer.expire(id, actor, now) ? 1 : 0;
      } catch (Exception e) {
        if (!Races.isLostRace(e)) {
          throw e;
        }
        LOG.debugf("Task(id=%s) finished while its lease was being reaped", id);
      }
    }
    return reaped;
  }

  /**
   * Extends the lease {@code leaseOwner} holds on {@code taskId} by {@code GLIMPSE_TASK_LEASE} from
   * now. Returns false when the lease is no longer held: it expired and was taken back, or the
   * attempt has ended.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public boolean renewLease(String taskId, String leaseOwner) {
    return claimer.renew(taskId, leaseOwner, clock.instant().plus(settings.lease()));
  }

  /**
   * Takes back every task that {@code node} held when it stopped, at once rather than when their
   * leases run out: called as the node starts, before it claims anything, so every lease of its
   * name is a leftover of the run before. Returns how many.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public int releaseLeasesOf(String node, Actor actor) {
    List<Object[]> held =
        em.createNamedQuery(AiTask.HELD_BY_NODE, Object[].class)
            .setParameter("prefix", likePrefix(node + "/"))
            .getResultList();
    Instant now = clock.instant();
    int released = 0;
    for (Object[] row : held) {
      try {
        released += claimer.release((String) row[0], (String) row[1], actor, now) ? 1 : 0;
      } catch (Exception e) {
        if (!Races.isLostRace(e)) {
          throw e;
        }
        LOG.debugf("Task(id=%s) changed while its lease was being released", row[0]);
      }
    }
    return released;
  }

  /** {@code text} as a LIKE pattern that matches what starts with it; '!' escapes. */
  static String likePrefix(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  /**
   * Ends the attempt held under {@code leaseOwner} with {@code outcome}. The attempt's steps go
   * into the audit trail first, and its raw answer is kept on the task. Returns false, recording
   * nothing, when the lease was lost meanwhile (it expired and the task was taken over).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean conclude(
      String taskId, String leaseOwner, AttemptRecord attempt, TaskOutcome outcome, Actor actor) {
    return conclude(taskId, leaseOwner, attempt, actor, task -> outcome);
  }

  /**
   * Ends the attempt held under {@code leaseOwner} in one transaction: the attempt's steps go into
   * the audit trail and its raw answer onto the task, then {@code result} stores what the attempt
   * produced on the task's subject and answers the outcome the task concludes with. Returns false,
   * recording nothing, when the lease was lost meanwhile (it expired and the task was taken over).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean conclude(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      Actor actor,
      Function<AiTask, TaskOutcome> result) {
    AiTask task = em.find(AiTask.class, taskId);
    if (task == null || !task.isLeasedBy(leaseOwner)) {
      DomainLog.LOG.outcomeDiscarded(taskId, leaseOwner);
      return false;
    }
    Instant now = clock.instant();
    attempt.steps().forEach(step -> task.recordStep(actor, step.step(), step.message(), now));
    TaskOutcome outcome = result.apply(task);
    boolean discarded =
        outcome instanceof TaskOutcome.Failed failed && DISCARDED.equals(failed.errorKind());
    task.keepResponse(discarded ? null : attempt.response());
    task.conclude(outcome, actor, settings.backoff(), ThreadLocalRandom.current(), now);
    return true;
  }

  /**
   * Ends the attempt held under {@code leaseOwner} as {@link #conclude(String, String,
   * AttemptRecord, Actor, Function)} does, with the task's subject, an entity of {@code
   * subjectType}, handed to {@code recording}. A task whose subject was deleted meanwhile FAILS as
   * discarded, for the reason {@code gone}.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public <S> boolean concludeWithSubject(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      Actor actor,
      Class<S> subjectType,
      String gone,
      BiFunction<AiTask, S, TaskOutcome> recording) {
    return conclude(
        taskId,
        leaseOwner,
        attempt,
        actor,
        task -> {
          S subject = em.find(subjectType, task.subjectId());
          return subject == null
              ? new TaskOutcome.Failed(DISCARDED, gone)
              : recording.apply(task, subject);
        });
  }
}
