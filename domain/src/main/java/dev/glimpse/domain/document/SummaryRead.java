package dev.glimpse.domain.document;

import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.task.TaskStatus;

/**
 * What a summary read answers with: the stored summary, the status of the document's current
 * summary task, and whether the summary is fresh.
 *
 * @param summary the stored summary, or null while there is none
 * @param taskStatus the current summary task's status, or null when the document has had none
 * @param waiting the triage of a model's result that waits for a person, or {@link Triage#NONE}
 */
public record SummaryRead(
    StoredSummary summary, TaskStatus taskStatus, boolean summaryIsFresh, Triage waiting) {

  /** The read a listing answers. */
  public static SummaryRead of(DocumentListing listing) {
    return new SummaryRead(
        listing.summary(),
        listing.task() == null ? null : listing.task().status(),
        listing.summaryIsFresh(),
        listing.waiting());
  }

  /** Whether the task's result waits for a person. */
  public boolean flagged() {
    return taskStatus == TaskStatus.FLAGGED;
  }
}
