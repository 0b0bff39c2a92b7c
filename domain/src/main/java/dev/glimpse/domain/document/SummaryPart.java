package dev.glimpse.domain.document;

import dev.glimpse.domain.support.LinesConverter;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The summary of one part of a long document, kept as soon as it is made, by the digest of what it
 * depends on (the part's text, the language, the model and the prompt version): an attempt that is
 * cut short is resumed by the next, which pays only for the parts still missing.
 */
@Entity
@Table(
    name = "summary_part",
    indexes = @Index(name = "ix_summary_part_made", columnList = "made_at"))
public class SummaryPart {

  static final int TEXT_LENGTH = 8000;

  @Id
  @Column(name = "part_key", length = 64)
  private String key;

  @Column(name = "text", length = TEXT_LENGTH, nullable = false)
  private String text;

  @Convert(converter = LinesConverter.class)
  @Column(name = "key_points", length = TEXT_LENGTH)
  private List<String> keyPoints;

  @Column(name = "made_at", nullable = false)
  private Instant madeAt;

  protected SummaryPart() {}

  SummaryPart(String key, String text, List<String> keyPoints, Instant madeAt) {
    this.key = Objects.requireNonNull(key, "key");
    this.text = Texts.bounded(Objects.requireNonNull(text, "text"), TEXT_LENGTH);
    this.keyPoints = List.copyOf(keyPoints);
    this.madeAt = madeAt;
  }

  public String key() {
    return key;
  }

  public String text() {
    return text;
  }

  public List<String> keyPoints() {
    return keyPoints == null ? List.of() : List.copyOf(keyPoints);
  }

  public Instant madeAt() {
    return madeAt;
  }
}
