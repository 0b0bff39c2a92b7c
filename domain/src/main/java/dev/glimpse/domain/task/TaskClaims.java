package dev.glimpse.domain.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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

  /** Ends an expired lease on {@code taskId}, if it is still PROCESSING past its lease. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean expire(String taskId, Actor actor, Instant now, Backoff backoff) {
    AiTask task = em.find(AiTask.class, taskId);
    if (task == null
        || task.status() != TaskStatus.PROCESSING
        || task.leaseUntil() == null
        || !task.leaseUntil().isBefore(now)) {
      return false;
    }
    task.expireLease(actor, backoff, ThreadLocalRandom.current(), now);
    em.flush();
    return true;
  }

  private Optional<ClaimedTask> claim(
      AiTask task, String leaseOwner, Instant leaseUntil, Actor actor, Instant now) {
    if (task == null || task.status() != TaskStatus.PENDING || task.nextAttemptAt().isAfter(now)) {
      return Optional.empty();
    }
    task.claim(leaseOwner, leaseUntil, actor, now);
    em.flush();
    return Optional.of(
        new ClaimedTask(task.id(), task.kind(), task.subjectId(), task.attempts(), leaseOwner));
  }
}
