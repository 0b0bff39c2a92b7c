package dev.glimpse.domain.document;

import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.task.AiTask;

/**
 * A document with its stored summary and its current summary task, either of which may be missing.
 *
 * @param summaryIsFresh whether a summary exists, made from the document's current text with the
 *     current prompt
 * @param waiting the triage of a model's result that waits for a person, or {@link Triage#NONE}
 */
public record DocumentListing(
    Document document,
    StoredSummary summary,
    AiTask task,
    boolean summaryIsFresh,
    Triage waiting) {}
