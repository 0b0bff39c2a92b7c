package dev.glimpse.domain.review;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * One item waiting for a person, as the review queue orders it.
 *
 * @param id the image's or the document's id
 * @param title the image's file name or the document's title
 * @param since when the result that waits was made
 */
public record ReviewItem(
    ContentKind kind, String id, String title, int score, Set<TriageReason> reasons, Instant since)
    implements Serializable {

  public ReviewItem {
    reasons = Set.copyOf(reasons);
  }
}
