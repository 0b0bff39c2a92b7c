package dev.glimpse.domain.document;

import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.review.TriageNotesConverter;
import dev.glimpse.domain.review.TriageReason;
import dev.glimpse.domain.review.TriageReasonsConverter;
import dev.glimpse.domain.support.LinesConverter;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's summary of a document that waits for a person: doubtful, a refusal (no text), made in
 * review mode, or made while a person's summary stands. At most one per document; a newer result
 * replaces it. It is never served as the document's summary.
 */
@Entity
@Table(
    name = "summary_proposal",
    indexes = @Index(name = "ix_summary_proposal_triage", columnList = "triage_score"))
public class SummaryProposal {

  @Id
  @Column(name = "document_id", length = 36)
  private String documentId;

  @Column(name = "text", length = DocumentSummary.TEXT_LENGTH)
  private String text;

  @Convert(converter = LinesConverter.class)
  @Column(name = "key_points", length = DocumentSummary.TEXT_LENGTH)
  private List<String> keyPoints;

  @Column(name = "refusal", length = 2000)
  private String refusal;

  @Column(name = "for_version", nullable = false)
  private long forVersion;

  @Column(name = "for_sha256", length = 64, nullable = false)
  private String forSha256;

  @Column(name = "prompt_version", length = 32)
  private String promptVersion;

  @Column(name = "provider", length = 32)
  private String provider;

  @Column(name = "model", length = 200)
  private String model;

  @Column(name = "tokens_in")
  private Integer tokensIn;

  @Column(name = "tokens_out")
  private Integer tokensOut;

  @Column(name = "cost_usd", precision = 14, scale = 8)
  private BigDecimal costUsd;

  @Column(name = "generation_millis")
  private Long generationMillis;

  @Column(name = "task_id", length = 36, nullable = false)
  private String taskId;

  @Column(name = "triage_score", nullable = false)
  private int triageScore;

  @Convert(converter = TriageReasonsConverter.class)
  @Column(name = "triage_reasons", length = 500)
  private Set<TriageReason> triageReasons;

  @Convert(converter = TriageNotesConverter.class)
  @Column(name = "triage_notes", length = TriageNotesConverter.COLUMN_LENGTH)
  private Map<TriageReason, String> triageNotes;

  @Column(name = "made_at", nullable = false)
  private Instant madeAt;

  protected SummaryProposal() {}

  SummaryProposal(String documentId) {
    this.documentId = documentId;
  }

  /** A model's summary waits here. */
  void proposed(SummaryRecord summary, String task, Triage triage, Instant now) {
    this.text = Texts.bounded(summary.text(), DocumentSummary.TEXT_LENGTH);
    this.keyPoints = List.copyOf(summary.keyPoints());
    this.refusal = null;
    this.forVersion = summary.forVersion();
    this.forSha256 = summary.forSha256();
    this.promptVersion = summary.promptVersion();
    this.provider = summary.provider();
    this.model = summary.model();
    this.tokensIn = summary.tokensIn();
    this.tokensOut = summary.tokensOut();
    this.costUsd = summary.costUsd();
    this.generationMillis = summary.generationMillis();
    made(task, triage, now);
  }

  /** The model refused to summarize the text with hash {@code sha256}. */
  void refused(
      String reason, long version, String sha256, String task, Triage triage, Instant now) {
    this.text = null;
    this.keyPoints = List.of();
    this.refusal = Texts.bounded(reason, 2000);
    this.forVersion = version;
    this.forSha256 = sha256;
    this.promptVersion = null;
    this.provider = null;
    this.model = null;
    this.tokensIn = null;
    this.tokensOut = null;
    this.costUsd = null;
    this.generationMillis = null;
    made(task, triage, now);
  }

  private void made(String task, Triage triage, Instant now) {
    this.taskId = task;
    this.triageScore = triage.score();
    this.triageReasons = triage.reasons();
    this.triageNotes = triage.notes();
    this.madeAt = now;
  }

  /** What it says, as a record a summary can be made from; null for a refusal. */
  SummaryRecord record() {
    if (text == null) {
      return null;
    }
    return new SummaryRecord(
        text,
        keyPoints(),
        forSha256,
        forVersion,
        provider,
        model,
        promptVersion,
        tokensIn == null ? 0 : tokensIn,
        tokensOut == null ? 0 : tokensOut,
        costUsd,
        generationMillis == null ? 0 : generationMillis);
  }

  public String documentId() {
    return documentId;
  }

  /** The proposed text, or null when the model refused. */
  public String text() {
    return text;
  }

  public List<String> keyPoints() {
    return keyPoints == null ? List.of() : keyPoints;
  }

  /** What the model answered instead of a summary, or null. */
  public String refusal() {
    return refusal;
  }

  public long forVersion() {
    return forVersion;
  }

  public String forSha256() {
    return forSha256;
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

  public String taskId() {
    return taskId;
  }

  public Triage triage() {
    return new Triage(
        triageScore,
        triageReasons == null ? Set.of() : triageReasons,
        triageNotes == null ? Map.of() : triageNotes);
  }

  public Instant madeAt() {
    return madeAt;
  }
}
