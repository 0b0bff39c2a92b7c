package dev.glimpse.domain.image;

import dev.glimpse.domain.task.TaskStatus;

/**
 * Filters for listing images; a {@code null} field does not filter.
 *
 * @param owner only images created by this owner ({@code null}: all, for staff)
 * @param text matches ALT text or file name, case-insensitively
 */
public record ImageQuery(
    String owner,
    TaskStatus status,
    Boolean aiGenerated,
    ReviewState review,
    String label,
    String text,
    int page,
    int size) {

  public static final int MAX_SIZE = 200;

  public ImageQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  /** All images, newest first, one page. */
  public static ImageQuery all(int page, int size) {
    return new ImageQuery(null, null, null, null, null, null, page, size);
  }
}
