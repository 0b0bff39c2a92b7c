package dev.glimpse.domain.document;

/** An edit based on a version of the document that is no longer the current one. */
public class VersionConflictException extends RuntimeException {

  private final long current;

  public VersionConflictException(String id, long expected, long current) {
    super(
        "Document "
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
