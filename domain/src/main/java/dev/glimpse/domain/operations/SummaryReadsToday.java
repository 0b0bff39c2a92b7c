package dev.glimpse.domain.operations;

/** How the whole cluster served summary reads today (UTC): fresh hits, stale hits and misses. */
public record SummaryReadsToday(long hits, long staleHits, long misses) {

  /** Every read together. */
  public long reads() {
    return hits + staleHits + misses;
  }

  /** Fresh hits among all reads, 0 to 1; 0 without reads. */
  public double hitRate() {
    return reads() == 0 ? 0 : (double) hits / reads();
  }
}
