package dev.glimpse.domain.document;

import dev.glimpse.domain.review.ReviewState;
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
 * @param proposalWaiting whether a model's result waits beside it for a person
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
    long generationMillis,
    ReviewState reviewState,
    String reviewedBy,
    Instant reviewedAt,
    boolean proposalWaiting) {

  public StoredSummary {
    keyPoints = List.copyOf(keyPoints);
  }

  /** Whether a person wrote or approved it: it stays current whatever the prompt. */
  public boolean heldByPerson() {
    return reviewState == ReviewState.APPROVED || reviewState == ReviewState.EDITED;
  }

  /** Whether this summary was made from the text with hash {@code sha256}. */
  public boolean isFor(String sha256) {
    return forSha256.equals(sha256);
  }
}
