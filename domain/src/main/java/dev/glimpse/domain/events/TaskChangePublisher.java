package dev.glimpse.domain.events;

import dev.glimpse.domain.task.TaskEvent;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;

/**
 * Fires a {@link TaskChange} for every status transition written to the audit trail. The state
 * machine writes an entry for each transition, so no transition escapes; observers that want only
 * committed changes observe it {@code during = AFTER_SUCCESS}.
 */
public class TaskChangePublisher {

  @PostPersist
  void written(TaskEvent event) {
    if (event.isTransition()) {
      CDI.current().getBeanManager().getEvent().select(TaskChange.class).fire(event.change());
    }
  }
}
