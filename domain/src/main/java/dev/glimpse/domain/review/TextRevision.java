package dev.glimpse.domain.review;

import dev.glimpse.domain.support.LinesConverter;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One text an item had or was offered: a model's result or a person's edit. The revisions of an
 * item, oldest first, are its history: the model's original next to each human edit.
 */
@Entity
@Table(
    name = "text_revision",
    indexes = @Index(name = "ix_text_revision_subject", columnList = "subject_id, written_at"))
public class TextRevision {

  public static final int TEXT_LENGTH = 8000;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "content_kind", length = 16, nullable = false)
  private ContentKind kind;

  @Column(name = "subject_id", length = 36, nullable = false)
  private String subjectId;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  @Column(name = "ai", nullable = false)
  private boolean ai;

  @Column(name = "author", length = 400, nullable = false)
  private String author;

  @Column(name = "text", length = TEXT_LENGTH)
  private String text;

  @Convert(converter = LinesConverter.class)
  @Column(name = "labels", length = 4000)
  private List<String> labels;

  @Column(name = "task_id", length = 36)
  private String taskId;

  protected TextRevision() {}

  TextRevision(
      ContentKind kind,
      String subjectId,
      boolean ai,
      String author,
      String text,
      List<String> labels,
      String taskId,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.kind = kind;
    this.subjectId = subjectId;
    this.ai = ai;
    this.author = Texts.bounded(author, 400);
    this.text = Texts.bounded(text, TEXT_LENGTH);
    this.labels = List.copyOf(labels);
    this.taskId = taskId;
    this.writtenAt = now;
  }

  public ContentKind kind() {
    return kind;
  }

  public String subjectId() {
    return subjectId;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  /** Whether a model wrote it (else a person did). */
  public boolean ai() {
    return ai;
  }

  /** A person or API client ({@code user:rita}), or a model ({@code ollama/llava:13b}). */
  public String author() {
    return author;
  }

  public String text() {
    return text;
  }

  public List<String> labels() {
    return labels == null ? List.of() : labels;
  }

  /** The task whose model call made it, for a model's text. */
  public String taskId() {
    return taskId;
  }
}
