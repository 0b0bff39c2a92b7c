package dev.glimpse.domain.task;

/**
 * Filters for listing tasks; a {@code null} field does not filter.
 *
 * @param owner only tasks enqueued by this actor ({@code null}: all, for staff)
 * @param errorKey only tasks whose last error has this key (see {@link AiTask#errorKey()})
 */
public record TaskQuery(
    String owner,
    TaskStatus status,
    TaskKind kind,
    String errorKind,
    String errorKey,
    int page,
    int size) {

  public static final int MAX_SIZE = 200;

  public TaskQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }
}
