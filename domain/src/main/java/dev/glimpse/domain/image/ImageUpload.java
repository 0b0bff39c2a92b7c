package dev.glimpse.domain.image;

import dev.glimpse.domain.task.TaskPriority;
import java.util.Objects;

/**
 * An image as it arrives: its bytes, the name the client gave it, the language its ALT text should
 * be in, optionally ALT text a person already wrote, whether to describe it now (false: it is only
 * stored, for a backfill to describe later), and the client's Idempotency-Key if it sent one.
 */
public record ImageUpload(
    byte[] content,
    String filename,
    String language,
    String altText,
    TaskPriority priority,
    boolean describe,
    String idempotencyKey) {

  public ImageUpload {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(priority, "priority");
  }
}
