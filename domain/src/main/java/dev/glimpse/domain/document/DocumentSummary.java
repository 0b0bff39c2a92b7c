package dev.glimpse.domain.document;

import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored summary of a document, kept apart from it so that storing a summary does not move the
 * document's version: what it says, and the text hash, document version, provider, model and prompt
 * version it was made from.
 */
@Entity
@Table(name = "document_summary")
public class DocumentSummary {

  public static final int TEXT_LENGTH = 8000;

  @Id
  @Column(name = "document_id", length = 36)
  private String documentId;

  @Column(name = "text", length = TEXT_LENGTH, nullable = false)
  private String text;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "document_key_point", joinColumns = @JoinColumn(name = "document_id"))
  @OrderColumn(name = "position")
  @Column(name = "key_point", length = 1000, nullable = false)
  private List<String> keyPoints = new ArrayList<>();

  @Column(name = "for_version", nullable = false)
  private long forVersion;

  @Column(name = "for_sha256", length = 64, nullable = false)
  private String forSha256;

  @Column(name = "prompt_version", length = 32, nullable = false)
  private String promptVersion;

  @Column(name = "provider", length = 32, nullable = false)
  private String provider;

  @Column(name = "model", length = 200, nullable = false)
  private String model;

  @Column(name = "generated_at", nullable = false)
  private Instant generatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DocumentSummary() {}

  DocumentSummary(String documentId) {
    this.documentId = documentId;
  }

  void record(SummaryRecord summary, Instant now) {
    this.text = Texts.bounded(summary.text(), TEXT_LENGTH);
    this.keyPoints = new ArrayList<>(summary.keyPoints());
    this.forVersion = summary.forVersion();
    this.forSha256 = summary.forSha256();
    this.promptVersion = summary.promptVersion();
    this.provider = summary.provider();
    this.model = summary.model();
    this.generatedAt = now;
  }

  /** Whether this summary was made from the text with hash {@code sha256}. */
  public boolean isFor(String sha256) {
    return forSha256.equals(sha256);
  }

  public String documentId() {
    return documentId;
  }

  public String text() {
    return text;
  }

  public List<String> keyPoints() {
    return Collections.unmodifiableList(keyPoints);
  }

  public long forVersion() {
    return forVersion;
  }

  public String promptVersion() {
    return promptVersion;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public Instant generatedAt() {
    return generatedAt;
  }
}
