package dev.glimpse.domain.task;

import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads tasks for people and clients: lists, counts, failures by cause, one task's audit trail. */
@ApplicationScoped
public class TaskReads {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /** A page of tasks matching {@code query}, most recently changed first. */
  @Transactional(TxType.SUPPORTS)
  public Page<AiTask> list(TaskQuery query) {
    List<AiTask> tasks = select(query, query.page() * query.size(), query.size());
    return new Page<>(tasks, count(query), query.page(), query.size());
  }

  /** How many tasks match {@code query}, whatever its page. */
  @Transactional(TxType.SUPPORTS)
  public long count(TaskQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<AiTask> task = count.from(AiTask.class);
    count.select(cb.count(task)).where(filters(cb, task, query));
    return em.createQuery(count).getSingleResult();
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
            "SELECT t.errorKind, t.errorKey, COUNT(t), MAX(t.lastError), MAX(t.lastResponse)"
                + " FROM AiTask t"
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
                new FailureGroup(
                    (String) row[0],
                    (String) row[1],
                    (Long) row[2],
                    (String) row[3],
                    (String) row[4]))
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

  List<AiTask> select(TaskQuery query, int first, int max) {
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
