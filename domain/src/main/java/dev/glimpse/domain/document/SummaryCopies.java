package dev.glimpse.domain.document;

/**
 * Where the {@link SummaryCache} keeps its copies of stored summaries, by document id: bounded, and
 * free to forget any copy at any time.
 */
public interface SummaryCopies {

  /** The copy kept for {@code documentId}, or null. */
  StoredSummary get(String documentId);

  void put(String documentId, StoredSummary summary);

  void forget(String documentId);
}
