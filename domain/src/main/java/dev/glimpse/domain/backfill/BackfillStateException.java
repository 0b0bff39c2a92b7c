package dev.glimpse.domain.backfill;

/** A backfill was asked to pause, resume or cancel in a state that does not allow it. */
public class BackfillStateException extends RuntimeException {

  public BackfillStateException(String id, BackfillStatus status, String action) {
    super("backfill " + id + " is " + status + " and cannot be " + action);
  }
}
