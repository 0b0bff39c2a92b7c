package dev.glimpse.domain.image;

import dev.glimpse.domain.review.ReviewState;
import dev.glimpse.domain.task.TaskStatus;
import java.time.Instant;

/**
 * Which images to list; a {@code null} field does not filter.
 *
 * @param owner only images created by this owner ({@code null}: all, for staff)
 * @param status the status of the image's current task
 * @param awaitingReview whether the image waits for a person
 * @param label an exact label
 * @param errorKind the error kind of the image's current task (FAILED or retrying)
 * @param provider the provider that made the current description
 * @param model the model that made the current description
 * @param promptVersion the prompt version of the current description
 * @param promptOtherThan a model's text made with a prompt version other than this one: with the
 *     current version, the outdated texts
 * @param text matches ALT text or file name, case-insensitively
 * @param uploadedFrom uploaded at or after this instant
 * @param uploadedBefore uploaded before this instant
 */
public record ImageFilter(
    String owner,
    TaskStatus status,
    Boolean aiGenerated,
    ReviewState review,
    Boolean awaitingReview,
    String label,
    String errorKind,
    String provider,
    String model,
    String promptVersion,
    String promptOtherThan,
    String text,
    Instant uploadedFrom,
    Instant uploadedBefore) {

  /** No filter: every image. */
  public static final ImageFilter NONE =
      new ImageFilter(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
