package dev.glimpse.domain.backfill;

import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.TaskKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What a backfill works through: every image without ALT text ({@link TaskKind#DESCRIBE_IMAGE}) or
 * every document without a current summary ({@link TaskKind#SUMMARIZE_DOCUMENT}), narrowed by the
 * filters of the console's lists that apply to such items. A {@code null} filter does not narrow.
 *
 * @param owner only the items of this owner ({@code null}: everyone's, for staff)
 * @param text in the file name of an image or the title of a document, case-insensitively
 * @param errorKind images only: those whose last task FAILED with this error kind
 * @param uploadedFrom items created at or after this instant
 * @param uploadedBefore items created before this instant
 */
public record BackfillScope(
    TaskKind kind,
    String owner,
    String text,
    String errorKind,
    Instant uploadedFrom,
    Instant uploadedBefore) {

  static final int TEXT_LENGTH = 200;

  /** The latest instant a date filter may name: what every database keeps. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** The earliest instant a date filter may name. */
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  static final int ERROR_KIND_LENGTH = 32;

  /**
   * @throws IllegalArgumentException naming the filter that makes no sense
   */
  public BackfillScope {
    Objects.requireNonNull(kind, "kind");
    text = Texts.isBlank(text) ? null : text.strip();
    errorKind = Texts.isBlank(errorKind) ? null : errorKind.strip();
    if (text != null && text.length() > TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "the text filter must be at most " + TEXT_LENGTH + " characters");
    }
    if (errorKind != null && kind != TaskKind.DESCRIBE_IMAGE) {
      throw new IllegalArgumentException("the error-kind filter applies to images only");
    }
    if (errorKind != null && errorKind.length() > ERROR_KIND_LENGTH) {
      throw new IllegalArgumentException(
          "the error-kind filter must be at most " + ERROR_KIND_LENGTH + " characters");
    }
    for (Instant date : new Instant[] {uploadedFrom, uploadedBefore}) {
      if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
        throw new IllegalArgumentException(
            "a date filter must lie between 1900-01-01 and 9999-12-31, not " + date);
      }
    }
    if (uploadedFrom != null && uploadedBefore != null && !uploadedFrom.isBefore(uploadedBefore)) {
      throw new IllegalArgumentException("uploadedFrom must be before uploadedBefore");
    }
  }

  /** Every item of {@code kind} that needs the work. */
  public static BackfillScope all(TaskKind kind, String owner) {
    return new BackfillScope(kind, owner, null, null, null, null);
  }
}
