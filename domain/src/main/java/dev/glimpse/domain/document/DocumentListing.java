package dev.glimpse.domain.document;

import dev.glimpse.domain.task.AiTask;

/**
 * A document with its stored summary and its current summary task, either of which may be missing.
 *
 * @param summaryIsFresh whether a summary exists, made from the document's current text with the
 *     current prompt
 */
public record DocumentListing(
    Document document, StoredSummary summary, AiTask task, boolean summaryIsFresh) {}
