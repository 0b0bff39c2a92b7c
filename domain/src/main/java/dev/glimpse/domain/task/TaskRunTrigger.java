package dev.glimpse.domain.task;

/**
 * Asks the task runner to look for due work now rather than at its next scheduled run. Implemented
 * by the batch module; callers invoke it after the transaction that enqueued the work has
 * committed.
 */
public interface TaskRunTrigger {

  void runSoon();
}
