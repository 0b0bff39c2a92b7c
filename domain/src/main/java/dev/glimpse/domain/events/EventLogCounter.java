package dev.glimpse.domain.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The event log's one-row counter: the last event id given out and how far the log has been purged.
 * Numbering and purging lock this row, so they happen one at a time across all nodes.
 */
@Entity
@Table(name = "event_log_counter")
public class EventLogCounter {

  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_event_id", nullable = false)
  private long lastEventId;

  @Column(name = "purged_through", nullable = false)
  private long purgedThrough;

  protected EventLogCounter() {}

  static EventLogCounter create() {
    EventLogCounter counter = new EventLogCounter();
    counter.id = ID;
    return counter;
  }

  long next() {
    return ++lastEventId;
  }

  long lastEventId() {
    return lastEventId;
  }

  long purgedThrough() {
    return purgedThrough;
  }

  void purgedThrough(long eventId) {
    this.purgedThrough = Math.max(purgedThrough, eventId);
  }
}
