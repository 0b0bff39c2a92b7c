package dev.glimpse.domain.document;

import dev.glimpse.domain.review.ReviewState;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
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
 * version it was made from, and how a person judged it.
 *
 * <p>Only a summary that stands is stored here: a model's confident result, or a summary a person
 * wrote or approved. A doubtful result, a refusal, or any result in review mode waits as a {@link
 * SummaryProposal} until a person decides, while this one keeps being served.
 */
@Entity
@Table(name = "document_summary")
@NamedQuery(
    name = DocumentSummary.VERSION_OF,
    query = "SELECT s.version FROM DocumentSummary s WHERE s.documentId = :document")
public class DocumentSummary {

  static final String VERSION_OF = "DocumentSummary.versionOf";

  public static final int TEXT_LENGTH = 8000;

  /** What a summary a person wrote carries as its provider and prompt version. */
  public static final String BY_PERSON = "person";

  @Id
  @Column(name = "document_id", length = 36)
  private String documentId;

  @Column(name = "text", length = TEXT_LENGTH, nullable = false)
  private String text;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "document_key_point",
      joinColumns = @JoinColumn(name = "document_id"),
      indexes = @Index(name = "ix_document_key_point_document", columnList = "document_id"))
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

  @Enumerated(EnumType.STRING)
  @Column(name = "review_state", length = 16)
  private ReviewState reviewState;

  @Column(name = "reviewed_by", length = 200)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_note", length = 1000)
  private String reviewNote;

  @Column(name = "proposal_waiting")
  private Boolean proposalWaiting;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DocumentSummary() {}

  DocumentSummary(String documentId) {
    this.documentId = documentId;
  }

  /** A model's summary stands: what a person said of the earlier one no longer applies. */
  void record(SummaryRecord summary, Instant now) {
    this.reviewState = ReviewState.UNREVIEWED;
    this.reviewedBy = null;
    this.reviewedAt = null;
    this.reviewNote = null;
    made(summary, now);
  }

  /** A person approved a model's summary: it stands, approved. */
  void approved(SummaryRecord summary, String by, String note, Instant now) {
    made(summary, now);
    reviewed(ReviewState.APPROVED, by, note, now);
  }

  /** A person approves the summary that stands. */
  void approved(String by, String note, Instant now) {
    reviewed(ReviewState.APPROVED, by, note, now);
  }

  /** A person wrote the summary of the document at {@code forVersion}. */
  void written(
      String newText,
      List<String> newKeyPoints,
      long documentVersion,
      String documentSha256,
      String by,
      String note,
      Instant now) {
    made(
        new SummaryRecord(
            newText,
            newKeyPoints,
            documentSha256,
            documentVersion,
            BY_PERSON,
            by,
            BY_PERSON,
            0,
            0,
            null,
            0),
        now);
    reviewed(ReviewState.EDITED, by, note, now);
  }

  /** Whether a model's result waits beside this summary for a person. */
  void proposalWaiting(boolean waiting) {
    this.proposalWaiting = waiting;
  }

  /** Whether a person wrote or approved this summary: no model result replaces it. */
  boolean heldByPerson() {
    return reviewState == ReviewState.APPROVED || reviewState == ReviewState.EDITED;
  }

  private void reviewed(ReviewState state, String by, String note, Instant now) {
    this.reviewState = state;
    this.reviewedBy = by;
    this.reviewedAt = now;
    this.reviewNote = Texts.bounded(note, 1000);
  }

  private void made(SummaryRecord summary, Instant now) {
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
        generationMillis == null ? 0 : generationMillis,
        reviewState == null ? ReviewState.UNREVIEWED : reviewState,
        reviewedBy,
        reviewedAt,
        Boolean.TRUE.equals(proposalWaiting));
  }

  long version() {
    return version;
  }
}
