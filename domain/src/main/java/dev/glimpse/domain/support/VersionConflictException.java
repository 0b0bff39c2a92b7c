package dev.glimpse.domain.support;

/** An edit based on a version of an item that is no longer the current one. */
public class VersionConflictException extends RuntimeException {

  private final long current;

  public VersionConflictException(String kind, String id, long expected, long current) {
    super(
        kind
            + " "
            + id
            + " is at version "
            + current
            + ", not "
            + expected
            + ": read it again and re-apply the change.");
    this.current = current;
  }

  public long current() {
    return current;
  }
}
