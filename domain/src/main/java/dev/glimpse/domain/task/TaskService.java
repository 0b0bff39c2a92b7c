package dev.glimpse.domain.task;

import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.domain.support.DomainLog;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.support.Races;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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
   * Claims the most urgent due task of {@code kind}, if there is one. HIGH goes before LOW, except
   * that every {@value #LOW_TURN}th claim looks at LOW first: a LOW backlog keeps moving while HIGH
   * work keeps arriving, and HIGH work waits behind at most one LOW task.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<ClaimedTask> claimNext(TaskKind kind, String leaseOwner, Actor actor) {
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
        reaped += claimer.expire(id, actor, now, settings.backoff()) ? 1 : 0;
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
    task.keepResponse(attempt.response());
    task.conclude(result.apply(task), actor, settings.backoff(), ThreadLocalRandom.current(), now);
    return true;
  }

  /**
   * Sends a FAILED or FLAGGED task back to PENDING with fresh attempts, if {@code owner} may see it
   * ({@code null} owner: staff).
   *
   * @throws IllegalTaskTransitionException when the task is in any other state
   */
  @Transactional
  public AiTask retry(String taskId, String owner, Actor actor) {
    AiTask task = visible(taskId, owner);
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
    List<AiTask> matching = select(query, 0, Integer.MAX_VALUE);
    matching.forEach(task -> task.requeue(actor, now));
    return matching.size();
  }

  /** A page of tasks matching {@code query}, most recently changed first. */
  @Transactional(TxType.SUPPORTS)
  public Page<AiTask> list(TaskQuery query) {
    List<AiTask> tasks = select(query, query.page() * query.size(), query.size());
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<AiTask> task = count.from(AiTask.class);
    count.select(cb.count(task)).where(filters(cb, task, query));
    return new Page<>(tasks, em.createQuery(count).getSingleResult(), query.page(), query.size());
  }

  /**
   * How many tasks of {@code owner} ({@code null}: all) are in each status, every status listed.
   */
  @Transactional(TxType.SUPPORTS)
  public Map<TaskStatus, Long> countByStatus(String owner) {
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    for (TaskStatus status : TaskStatus.values()) {
      counts.put(status, 0L);
    }
    String ownerFilter = owner == null ? "" : " WHERE t.owner = :owner";
    var query =
        em.createQuery(
            "SELECT t.status, COUNT(t) FROM AiTask t" + ownerFilter + " GROUP BY t.status",
            Object[].class);
    if (owner != null) {
      query.setParameter("owner", owner);
    }
    query.getResultList().forEach(row -> counts.put((TaskStatus) row[0], (Long) row[1]));
    return counts;
  }

  /** FAILED tasks of {@code owner} ({@code null}: all) grouped by cause, largest group first. */
  @Transactional(TxType.SUPPORTS)
  public List<FailureGroup> failureGroups(String owner) {
    String ownerFilter = owner == null ? "" : " AND t.owner = :owner";
    var query =
        em.createQuery(
            "SELECT t.errorKind, t.errorKey, COUNT(t), MAX(t.lastError) FROM AiTask t"
                + " WHERE t.status = dev.glimpse.domain.task.TaskStatus.FAILED"
                + ownerFilter
                + " GROUP BY t.errorKind, t.errorKey ORDER BY COUNT(t) DESC",
            Object[].class);
    if (owner != null) {
      query.setParameter("owner", owner);
    }
    return query.getResultList().stream()
        .map(
            row ->
                new FailureGroup((String) row[0], (String) row[1], (Long) row[2], (String) row[3]))
        .toList();
  }

  /** The task, if {@code owner} may see it ({@code null} owner: staff, sees all). */
  @Transactional(TxType.SUPPORTS)
  public AiTask visible(String taskId, String owner) {
    AiTask task = em.find(AiTask.class, taskId);
    if (task == null || (owner != null && !owner.equals(task.owner()))) {
      throw new NotFoundException("Task", taskId);
    }
    return task;
  }

  private List<AiTask> select(TaskQuery query, int first, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AiTask> select = cb.createQuery(AiTask.class);
    Root<AiTask> task = select.from(AiTask.class);
    select
        .select(task)
        .where(filters(cb, task, query))
        .orderBy(cb.desc(task.get("updatedAt")), cb.asc(task.get("id")));
    return em.createQuery(select).setFirstResult(first).setMaxResults(max).getResultList();
  }

  private static Predicate[] filters(CriteriaBuilder cb, Root<AiTask> task, TaskQuery query) {
    List<Predicate> predicates = new ArrayList<>();
    if (query.owner() != null) {
      predicates.add(cb.equal(task.get("owner"), query.owner()));
    }
    if (query.status() != null) {
      predicates.add(cb.equal(task.get("status"), query.status()));
    }
    if (query.kind() != null) {
      predicates.add(cb.equal(task.get("kind"), query.kind()));
    }
    if (query.errorKind() != null) {
      predicates.add(cb.equal(task.get("errorKind"), query.errorKind()));
    }
    if (query.errorKey() != null) {
      predicates.add(cb.equal(task.get("errorKey"), query.errorKey()));
    }
    return predicates.toArray(Predicate[]::new);
  }

  /** The task with its audit trail. */
  @Transactional(TxType.SUPPORTS)
  public AiTask find(String taskId) {
    AiTask task = em.find(AiTask.class, taskId);
    if (task == null) {
      throw new NotFoundException("Task", taskId);
    }
    return task;
  }

  /** The task's audit trail, oldest first. */
  @Transactional(TxType.SUPPORTS)
  public List<TaskEvent> events(String taskId) {
    return em.createQuery(
            "SELECT e FROM TaskEvent e WHERE e.task.id = :id ORDER BY e.id", TaskEvent.class)
        .setParameter("id", taskId)
        .getResultList();
  }
}
