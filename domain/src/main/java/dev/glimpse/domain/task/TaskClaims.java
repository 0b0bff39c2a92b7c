package dev.glimpse.domain.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Claims one task in a transaction of its own, in one of two ways that are both atomic. */
@ApplicationScoped
public class TaskClaims {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /**
   * PostgreSQL: locks the most urgent due row with {@code FOR UPDATE SKIP LOCKED}, so concurrent
   * claimers never wait for or collide on the same row, and claims it.
   *
   * @param rank only tasks of this priority rank, or null for any
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ClaimedTask> claimLocked(
      TaskKind kind,
      Integer rank,
      String leaseOwner,
      Instant leaseUntil,
      Actor actor,
      Instant now) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM ai_task WHERE status = 'PENDING' AND kind = ?1"
                    + " AND next_attempt_at <= ?2"
                    + (rank == null ? "" : " AND priority_rank = ?3")
                    + " ORDER BY priority_rank, next_attempt_at, created_at"
                    + " LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, kind.name())
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, rank == null ? 0 : rank)
            .getResultList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return claim(em.find(AiTask.class, ids.get(0)), leaseOwner, leaseUntil, actor, now);
  }

  /**
   * Any database: claims {@code taskId} if it is still due. The task's optimistic version makes the
   * claim atomic: of two nodes that read the same PENDING task only one commits; the other gets an
   * optimistic-lock failure and moves on to the next candidate.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ClaimedTask> claim(
      String taskId, String leaseOwner, Instant leaseUntil, Actor actor, Instant now) {
    return claim(em.find(AiTask.class, taskId), leaseOwner, leaseUntil, actor, now);
  }

  /**
   * Ends an expired lease on {@code taskId}, if it is still PROCESSING past its lease. The row is
   * locked first, so a heartbeat that renewed the lease a moment ago wins: the lease is then no
   * longer expired and the task stays with its holder.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean expire(String taskId, Actor actor, Instant now) {
    AiTask task = em.find(AiTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    if (task == null || !task.leaseExpiredBy(now)) {
      return false;
    }
    task.expireLease(actor, now);
    em.flush();
    return true;
  }

  /**
   * Takes back {@code taskId} from a lease of {@code leaseOwner} that a node held before it
   * restarted, if it still holds it.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean release(String taskId, String leaseOwner, Actor actor, Instant now) {
    AiTask task = em.find(AiTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    if (task == null || !task.isLeasedBy(leaseOwner)) {
      return false;
    }
    task.releaseAfterRestart(actor, now);
    em.flush();
    return true;
  }

  /**
   * Extends the lease {@code leaseOwner} holds on {@code taskId} to {@code leaseUntil}; false when
   * it no longer holds it. One conditional update in SQL, which leaves the row's version alone: an
   * outcome being recorded at the same moment is not refused as a conflicting change. It takes the
   * row's lock, so it and a reaper ending the same lease run one after the other.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean renew(String taskId, String leaseOwner, Instant leaseUntil) {
    return em.createNativeQuery(
                "UPDATE ai_task SET lease_until = ?1"
                    + " WHERE id = ?2 AND lease_owner = ?3 AND status = 'PROCESSING'")
            .setParameter(1, Timestamp.from(leaseUntil))
            .setParameter(2, taskId)
            .setParameter(3, leaseOwner)
            .executeUpdate()
        == 1;
  }

  private Optional<ClaimedTask> claim(
      AiTask task, String leaseOwner, Instant leaseUntil, Actor actor, Instant now) {
    if (task == null || task.status() != TaskStatus.PENDING || task.nextAttemptAt().isAfter(now)) {
      return Optional.empty();
    }
    task.claim(leaseOwner, leaseUntil, actor, now);
    em.flush();
    return Optional.of(
        new ClaimedTask(
            task.id(), task.kind(), task.subjectId(), task.attempts(), leaseOwner, task.owner()));
  }
}
