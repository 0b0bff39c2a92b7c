package dev.glimpse.web.console.review;

import dev.glimpse.domain.review.ContentKind;
import dev.glimpse.domain.review.ReviewItem;
import dev.glimpse.domain.review.TriageReason;
import java.io.Serializable;
import java.util.List;

/** One upcoming item of the review queue, as the page lists it. */
public record QueueEntry(String title, String kind, int score, List<String> reasons)
    implements Serializable {

  static QueueEntry of(ReviewItem item) {
    return new QueueEntry(
        item.title(),
        item.kind() == ContentKind.IMAGES ? "Image" : "Summary",
        item.score(),
        item.reasons().stream().map(TriageReason::label).toList());
  }

  public String getTitle() {
    return title;
  }

  public String getKind() {
    return kind;
  }

  public int getScore() {
    return score;
  }

  public List<String> getReasons() {
    return reasons;
  }

  /** The reasons, comma-separated. */
  public String getReasonsText() {
    return String.join(", ", reasons);
  }
}
