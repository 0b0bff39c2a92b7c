package dev.glimpse.domain.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/**
 * The durable event log: every committed change of a task's status, with an event id in the order
 * the changes became visible, kept for the retention window. Subscribers on any node, after any
 * restart, replay from it.
 *
 * <p><b>DESIGN: event ids.</b> The requirement is that a reader who has seen event id N never later
 * finds a committed event with a smaller id: then "everything after N" is a complete replay, on
 * every node. A database sequence cannot give that: ids are drawn when a row is written, not when
 * it commits, so a transaction holding id 10 can commit after another's id 11 has been read. Three
 * ways were weighed:
 *
 * <ul>
 *   <li>A one-row counter updated inside each writing transaction gives commit order, because the
 *       row lock serialises those commits. But every task transition in the cluster would queue on
 *       that row from the moment it takes its id until it commits, and since EclipseLink chooses
 *       the order of a flush's statements, the counter could be locked before the task row: a
 *       lock-order deadlock with a claim that holds {@code FOR UPDATE SKIP LOCKED} rows.
 *   <li>PostgreSQL's visible horizon ({@code pg_current_xact_id()} with each row, read only below
 *       {@code pg_snapshot_xmin(pg_current_snapshot())}) needs no lock, but holds back every event
 *       behind the oldest open writing transaction anywhere in the database, and H2 has no
 *       equivalent: two schemes to test.
 *   <li><b>Chosen:</b> number after commit. The writing transaction inserts its row without an
 *       event id ({@link EventLogEntry}, in the task's own transaction, so rolled-back changes
 *       never appear). Any node's feed then numbers the committed rows that have none, in a short
 *       transaction of its own that locks the one-row {@link EventLogCounter}. Numbering
 *       transactions therefore run one at a time, each gives ids above every id committed before
 *       it, and its ids become visible together when it commits: no reader can see N and later a
 *       smaller id. Writers never wait for each other; the same SQL runs on PostgreSQL and H2.
 * </ul>
 *
 * <p>Within one numbering, rows are taken in the order they were written. Their write id comes from
 * a sequence without preallocation, and of two changes of the same task the later transaction read
 * the task after the earlier one committed (optimistic version or row lock), so it drew the greater
 * write id: a task's changes keep their order. Changes of different tasks that commit together have
 * no order between them to keep. The price is one more update per change and a numbering step
 * before delivery, which the feed runs as soon as a commit wakes it.
 *
 * <p>Retention: rows numbered more than {@code GLIMPSE_EVENTS_RETENTION} ago are deleted, and the
 * counter remembers the greatest event id deleted, so a subscriber whose last event id is below it
 * is told that its replay is incomplete instead of silently missing events.
 */
@ApplicationScoped
public class EventLog {

  private static final String UNNUMBERED =
      "SELECT e.id FROM EventLogEntry e WHERE e.eventId IS NULL ORDER BY e.id";
  private static final String NUMBER =
      "UPDATE EventLogEntry e SET e.eventId = :eventId, e.numberedAt = :now"
          + " WHERE e.id = :id AND e.eventId IS NULL";
  private static final String CHANGES =
      "SELECT e.eventId, e.taskId, e.kind, e.subjectType, e.subjectId, e.status, e.at, e.owner"
          + " FROM EventLogEntry e WHERE e.eventId > :after";
  private static final String OF_OWNER = " AND e.owner = :owner";
  private static final String IN_ORDER = " ORDER BY e.eventId";
  private static final String NEWEST_EXPIRED =
      "SELECT MAX(e.eventId) FROM EventLogEntry e WHERE e.numberedAt < :cutoff";
  private static final String PURGE = "DELETE FROM EventLogEntry e WHERE e.eventId <= :through";

  /** The ids the log holds: events above {@code purgedThrough}, up to {@code lastEventId}. */
  public record Bounds(long lastEventId, long purgedThrough) {

    /**
     * Whether everything after {@code eventId} is still in the log: false when some of it was
     * purged, or when the id was never given out here (another database, or an older scheme).
     */
    public boolean canReplayAfter(long eventId) {
      return eventId >= purgedThrough && eventId <= lastEventId;
    }
  }

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /** Creates the counter row if the schema came without it. */
  @Transactional(TxType.REQUIRES_NEW)
  public void prepare() {
    if (em.find(EventLogCounter.class, EventLogCounter.ID) == null) {
      em.persist(EventLogCounter.create());
    }
  }

  /**
   * Numbers up to {@code limit} committed changes that have no event id yet, oldest write first,
   * and returns how many it numbered.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int number(int limit, Instant now) {
    if (unnumbered(1).isEmpty()) {
      return 0;
    }
    EventLogCounter counter = lockCounter();
    List<Long> waiting = unnumbered(limit);
    for (Long id : waiting) {
      em.createQuery(NUMBER)
          .setParameter("eventId", counter.next())
          .setParameter("now", now)
          .setParameter("id", id)
          .executeUpdate();
    }
    return waiting.size();
  }

  /** The oldest writes without an event id; read afresh, the counter's lock held or not. */
  private List<Long> unnumbered(int limit) {
    return em.createQuery(UNNUMBERED, Long.class).setMaxResults(limit).getResultList();
  }

  /**
   * Up to {@code limit} changes after {@code eventId} in event id order: those of {@code owner}'s
   * items, or all when {@code owner} is null.
   */
  @Transactional(TxType.SUPPORTS)
  public List<TaskChange> after(long eventId, String owner, int limit) {
    TypedQuery<Object[]> query =
        em.createQuery(CHANGES + (owner == null ? "" : OF_OWNER) + IN_ORDER, Object[].class)
            .setParameter("after", eventId)
            .setMaxResults(limit);
    if (owner != null) {
      query.setParameter("owner", owner);
    }
    return query.getResultList().stream().map(EventLog::change).toList();
  }

  /** The last event id given out and how far the log has been purged. */
  @Transactional(TxType.SUPPORTS)
  public Bounds bounds() {
    EventLogCounter counter = em.find(EventLogCounter.class, EventLogCounter.ID);
    if (counter == null) {
      return new Bounds(0, 0);
    }
    return new Bounds(counter.lastEventId(), counter.purgedThrough());
  }

  /** Deletes the changes numbered before {@code cutoff}; returns how many. */
  @Transactional(TxType.REQUIRES_NEW)
  public int purge(Instant cutoff) {
    EventLogCounter counter = lockCounter();
    Long newest =
        em.createQuery(NEWEST_EXPIRED, Long.class).setParameter("cutoff", cutoff).getSingleResult();
    if (newest == null || newest <= counter.purgedThrough()) {
      return 0;
    }
    int deleted = em.createQuery(PURGE).setParameter("through", newest).executeUpdate();
    counter.purgedThrough(newest);
    return deleted;
  }

  private EventLogCounter lockCounter() {
    EventLogCounter counter =
        em.find(EventLogCounter.class, EventLogCounter.ID, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      throw new IllegalStateException("the event log has no counter row");
    }
    return counter;
  }

  private static TaskChange change(Object[] row) {
    return new TaskChange(
        (Long) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (Instant) row[6],
        (String) row[7]);
  }
}
