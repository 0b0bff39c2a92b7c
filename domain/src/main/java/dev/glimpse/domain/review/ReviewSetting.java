package dev.glimpse.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The review mode of one content kind, stored so that every node of a cluster applies it. */
@Entity
@Table(name = "review_setting")
public class ReviewSetting {

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "content_kind", length = 16)
  private ContentKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "mode", length = 8, nullable = false)
  private ReviewMode mode;

  @Column(name = "changed_by", length = 200, nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected ReviewSetting() {}

  ReviewSetting(ContentKind kind, ReviewMode mode, String changedBy, Instant now) {
    this.kind = kind;
    change(mode, changedBy, now);
  }

  void change(ReviewMode newMode, String by, Instant now) {
    this.mode = newMode;
    this.changedBy = by;
    this.changedAt = now;
  }

  public ContentKind kind() {
    return kind;
  }

  public ReviewMode mode() {
    return mode;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
