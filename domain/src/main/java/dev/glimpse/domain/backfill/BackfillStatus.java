package dev.glimpse.domain.backfill;

/**
 * Where a backfill stands. It feeds the queue while RUNNING; a PAUSED one can be resumed; DONE and
 * CANCELLED are final.
 */
public enum BackfillStatus {
  /** Handing items to the queue, or waiting for the ones it handed over to be done. */
  RUNNING,
  /** Stopped feeding the queue until someone resumes it. */
  PAUSED,
  /** Every item was handed over and every one of them is done. */
  DONE,
  /** Stopped for good by someone. */
  CANCELLED;

  /** Whether nothing more will happen to the backfill. */
  public boolean isFinal() {
    return this == DONE || this == CANCELLED;
  }
}
