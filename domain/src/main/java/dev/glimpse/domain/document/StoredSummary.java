package dev.glimpse.domain.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stored summary as read from its row, immutable so that the summary cache can share it between
 * requests.
 *
 * @param rowVersion the row's optimistic-lock version: a cached copy is served only while the row
 *     still has it
 * @param costUsd the estimated cost of making it, or null for an unpriced model
 */
public record StoredSummary(
    String documentId,
    long rowVersion,
    String text,
    List<String> keyPoints,
    long forVersion,
    String forSha256,
    String promptVersion,
    String provider,
    String model,
    Instant generatedAt,
    int tokensIn,
    int tokensOut,
    BigDecimal costUsd,
    long generationMillis) {

  public StoredSummary {
    keyPoints = List.copyOf(keyPoints);
  }

  /** Whether this summary was made from the text with hash {@code sha256}. */
  public boolean isFor(String sha256) {
    return forSha256.equals(sha256);
  }
}
