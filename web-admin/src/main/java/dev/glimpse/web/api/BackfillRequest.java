package dev.glimpse.web.api;

import dev.glimpse.domain.backfill.BackfillScope;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/backfills}: what to backfill, optionally narrowed, capped and at
 * a priority (LOW when not given).
 *
 * @param kind {@code DESCRIBE_IMAGE} (images without ALT text) or {@code SUMMARIZE_DOCUMENT}
 *     (documents without a current summary)
 * @param filter narrows the items; may be null
 * @param cap the most items to hand to the queue; null for all
 */
public record BackfillRequest(String kind, Filter filter, Integer cap, String priority) {

  /**
   * The filters that apply to items without the work done.
   *
   * @param q in an image's file name or a document's title
   * @param errorKind images whose last task FAILED with this error kind
   */
  public record Filter(String q, String errorKind, Instant uploadedFrom, Instant uploadedBefore) {}

  /** The scope of the backfill over the items of {@code owner}. */
  BackfillScope scope(String owner) {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required: DESCRIBE_IMAGE or SUMMARIZE_DOCUMENT");
    }
    TaskKind parsed = Enums.parse(TaskKind.class, "kind", kind);
    return filter == null
        ? BackfillScope.all(parsed, owner)
        : new BackfillScope(
            parsed,
            owner,
            filter.q(),
            filter.errorKind(),
            filter.uploadedFrom(),
            filter.uploadedBefore());
  }

  /** The priority asked for; LOW when none. */
  TaskPriority taskPriority() {
    return priority == null
        ? TaskPriority.LOW
        : Enums.parse(TaskPriority.class, "priority", priority);
  }
}
