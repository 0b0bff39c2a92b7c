package dev.glimpse.domain.document;

import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored summary of a document, kept apart from it so that storing a summary does not move the
 * document's version: what it says, and the text hash, document version, provider, model and prompt
 * version it was made from.
 */
@Entity
@Table(name = "document_summary")
@NamedQuery(
    name = DocumentSummary.VERSION_OF,
    query = "SELECT s.version FROM DocumentSummary s WHERE s.documentId = :document")
public class DocumentSummary {

  static final String VERSION_OF = "DocumentSummary.versionOf";

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

  @Column(name = "tokens_in")
  private Integer tokensIn;

  @Column(name = "tokens_out")
  private Integer tokensOut;

  @Column(name = "cost_usd", precision = 14, scale = 8)
  private BigDecimal costUsd;

  @Column(name = "generation_millis")
  private Long generationMillis;

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
    this.tokensIn = summary.tokensIn();
    this.tokensOut = summary.tokensOut();
    this.costUsd = summary.costUsd();
    this.generationMillis = summary.generationMillis();
  }

  /** What this row holds now, detached from the persistence context, for the summary cache. */
  StoredSummary snapshot() {
    return new StoredSummary(
        documentId,
        version,
        text,
        keyPoints,
        forVersion,
        forSha256,
        promptVersion,
        provider,
        model,
        generatedAt,
        tokensIn == null ? 0 : tokensIn,
        tokensOut == null ? 0 : tokensOut,
        costUsd,
        generationMillis == null ? 0 : generationMillis);
  }
}
