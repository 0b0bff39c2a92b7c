package dev.glimpse.domain.task;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;

/**
 * Fires {@link EventLogWritten} for every change written to the event log, so that the node reads
 * the log as soon as the transaction commits; observers that want only committed changes observe it
 * {@code during = AFTER_SUCCESS}.
 */
public class EventLogAnnouncer {

  @PostPersist
  void written(EventLogEntry entry) {
    CDI.current()
        .getBeanManager()
        .getEvent()
        .select(EventLogWritten.class)
        .fire(new EventLogWritten(entry.taskId()));
  }
}
