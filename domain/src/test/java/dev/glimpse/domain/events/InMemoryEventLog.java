package dev.glimpse.domain.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The event log of the feed's tests: rows in memory, numbered when the feed asks. */
final class InMemoryEventLog extends EventLog {

  private final List<TaskChange> unnumbered = new ArrayList<>();
  private final List<TaskChange> numbered = new ArrayList<>();
  private long lastEventId;
  private long purgedThrough;

  /** A change of {@code owner}'s item committed, not numbered yet. */
  synchronized void commit(String owner, String subjectId, String status) {
    unnumbered.add(
        new TaskChange(
            0,
            "task-" + subjectId,
            "DESCRIBE_IMAGE",
            "image",
            subjectId,
            status,
            Instant.EPOCH,
            owner));
  }

  /** Deletes every change up to {@code eventId}, as the retention purge does. */
  synchronized void purgeThrough(long eventId) {
    numbered.removeIf(change -> change.id() <= eventId);
    purgedThrough = Math.max(purgedThrough, eventId);
  }

  @Override
  public void prepare() {}

  /** What the next {@link #number} throws, as a transactional proxy would let it through. */
  private Exception failure;

  /** Has the next numbering fail with {@code thrown}, a checked exception as well. */
  synchronized void failNextNumbering(Exception thrown) {
    failure = thrown;
  }

  @Override
  public synchronized int number(int limit, Instant now) {
    if (failure != null) {
      Exception thrown = failure;
      failure = null;
      InMemoryEventLog.<RuntimeException>sneak(thrown);
    }
    int count = Math.min(limit, unnumbered.size());
    for (int i = 0; i < count; i++) {
      TaskChange change = unnumbered.remove(0);
      numbered.add(
          new TaskChange(
              ++lastEventId,
              change.taskId(),
              change.kind(),
              change.subjectType(),
              change.subjectId(),
              change.status(),
              change.at(),
              change.owner()));
    }
    return count;
  }

  @Override
  public synchronized List<TaskChange> after(long eventId, String owner, int limit) {
    List<TaskChange> found = new ArrayList<>();
    for (TaskChange change : numbered) {
      if (found.size() < limit
          && change.id() > eventId
          && (owner == null || owner.equals(change.owner()))) {
        found.add(change);
      }
    }
    return found;
  }

  @Override
  public synchronized Bounds bounds() {
    return new Bounds(lastEventId, purgedThrough);
  }

  @Override
  public int purge(Instant cutoff) {
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> void sneak(Exception thrown) throws E {
    throw (E) thrown;
  }
}
