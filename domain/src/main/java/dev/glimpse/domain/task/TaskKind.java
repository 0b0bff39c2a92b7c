package dev.glimpse.domain.task;

/** What a task does, and so which batch job runs it. */
public enum TaskKind {
  /** ALT text and labels for an image, from a vision model. */
  DESCRIBE_IMAGE("image"),
  /** A summary of a document, from a text model. */
  SUMMARIZE_DOCUMENT("document");

  private final String subjectType;

  TaskKind(String subjectType) {
    this.subjectType = subjectType;
  }

  /** The kind of item the task works on, as named in the API. */
  public String subjectType() {
    return subjectType;
  }
}
