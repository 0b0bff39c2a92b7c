package dev.glimpse.domain.document;

import dev.glimpse.domain.blob.StoredBlob;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document. Its optimistic {@link #version()} counts edits; its summary lives in a {@link
 * DocumentSummary} of its own.
 */
@Entity
@Table(
    name = "document",
    indexes = @Index(name = "ix_document_owner", columnList = "owner, created_at"))
@NamedQuery(
    name = Document.NEWEST_FIRST,
    query = "SELECT d FROM Document d ORDER BY d.createdAt DESC, d.id")
@NamedQuery(name = Document.COUNT, query = "SELECT COUNT(d) FROM Document d")
public class Document {

  static final String NEWEST_FIRST = "Document.newestFirst";
  static final String COUNT = "Document.count";

  public static final int TITLE_LENGTH = 300;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "owner", length = 200, nullable = false)
  private String owner;

  @Column(name = "title", length = TITLE_LENGTH, nullable = false)
  private String title;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "text", nullable = false)
  private String text;

  @Column(name = "text_sha256", length = 64, nullable = false)
  private String textSha256;

  @Column(name = "language", length = 35, nullable = false)
  private String language;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Document() {}

  Document(String owner, String title, String text, String language, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.owner = Objects.requireNonNull(owner, "owner");
    this.language = Objects.requireNonNull(language, "language");
    this.createdAt = now;
    write(title, text, now);
  }

  /** Replaces title and text; the version moves on when the transaction commits. */
  void edit(String newTitle, String newText, String newLanguage, Instant now) {
    this.language = Objects.requireNonNull(newLanguage, "language");
    write(newTitle, newText, now);
  }

  private void write(String newTitle, String newText, Instant now) {
    this.title = Texts.bounded(Objects.requireNonNull(newTitle, "title").strip(), TITLE_LENGTH);
    this.text = Objects.requireNonNull(newText, "text");
    this.textSha256 = StoredBlob.sha256Hex(newText.getBytes(StandardCharsets.UTF_8));
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  public String textSha256() {
    return textSha256;
  }

  public String language() {
    return language;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
