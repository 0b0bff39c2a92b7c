package dev.glimpse.domain.document;

import dev.glimpse.domain.task.AiTask;

/**
 * A document with its stored summary and its current summary task, either of which may be missing.
 */
public record DocumentListing(Document document, StoredSummary summary, AiTask task) {

  /** Whether a summary exists and was made from the document's current text. */
  public boolean summaryIsFresh() {
    return summary != null && summary.isFor(document.textSha256());
  }
}
