package dev.glimpse.domain.image;

import dev.glimpse.domain.review.ReviewConflictException;
import dev.glimpse.domain.review.ReviewState;
import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.review.TriageNotesConverter;
import dev.glimpse.domain.review.TriageReason;
import dev.glimpse.domain.review.TriageReasonsConverter;
import dev.glimpse.domain.support.LinesConverter;
import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An uploaded image, its ALT text and labels, where they came from (a model, with provider, model
 * and prompt version; or a person) and how a reviewer judged them. The bytes live in a {@code
 * StoredBlob}.
 *
 * <p>Text a person wrote or approved is never replaced by a model: a later model result waits
 * beside it as a proposal until a person approves or rejects it.
 */
@Entity
@Table(
    name = "image_asset",
    indexes = {
      @Index(name = "ix_image_owner", columnList = "owner, created_at"),
      @Index(name = "ix_image_task", columnList = "task_id"),
      @Index(name = "ix_image_input_hash", columnList = "input_hash"),
      @Index(name = "ix_image_review_queue", columnList = "awaiting_review, triage_score")
    },
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_image_idempotency",
            columnNames = {"owner", "idempotency_key"}))
public class ImageAsset {

  public static final int ALT_TEXT_LENGTH = 4000;
  public static final int NOTE_LENGTH = 1000;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "owner", length = 200, nullable = false)
  private String owner;

  @Column(name = "filename", length = 255)
  private String filename;

  @Column(name = "content_type", length = 100, nullable = false)
  private String contentType;

  @Column(name = "width", nullable = false)
  private int width;

  @Column(name = "height", nullable = false)
  private int height;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "content_sha256", length = 64, nullable = false)
  private String contentSha256;

  @Column(name = "content_blob_id", length = 36, nullable = false)
  private String contentBlobId;

  @Column(name = "preview_blob_id", length = 36)
  private String previewBlobId;

  @Column(name = "preview_width")
  private Integer previewWidth;

  @Column(name = "preview_height")
  private Integer previewHeight;

  @Column(name = "preview_transparent")
  private Boolean previewTransparent;

  @Column(name = "language", length = 35, nullable = false)
  private String language;

  @Column(name = "alt_text", length = ALT_TEXT_LENGTH)
  private String altText;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "image_label",
      joinColumns = @JoinColumn(name = "image_id"),
      indexes = @Index(name = "ix_image_label_image", columnList = "image_id"))
  @OrderColumn(name = "position")
  @Column(name = "label", length = 100, nullable = false)
  private List<String> labels = new ArrayList<>();

  @Column(name = "ai_generated", nullable = false)
  private boolean aiGenerated;

  @Column(name = "provider", length = 32)
  private String provider;

  @Column(name = "model", length = 200)
  private String model;

  @Column(name = "prompt_version", length = 32)
  private String promptVersion;

  @Column(name = "input_hash", length = 64)
  private String inputHash;

  @Column(name = "described_by_task", length = 36)
  private String describedByTask;

  @Column(name = "idempotency_key", length = 200)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_state", length = 16, nullable = false)
  private ReviewState reviewState = ReviewState.UNREVIEWED;

  @Column(name = "reviewed_by", length = 200)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_note", length = NOTE_LENGTH)
  private String reviewNote;

  @Column(name = "awaiting_review")
  private Boolean awaitingReview;

  @Column(name = "triage_score")
  private Integer triageScore;

  @Convert(converter = TriageReasonsConverter.class)
  @Column(name = "triage_reasons", length = 500)
  private Set<TriageReason> triageReasons;

  @Convert(converter = TriageNotesConverter.class)
  @Column(name = "triage_notes", length = TriageNotesConverter.COLUMN_LENGTH)
  private Map<TriageReason, String> triageNotes;

  @Column(name = "proposed_alt_text", length = ALT_TEXT_LENGTH)
  private String proposedAltText;

  @Convert(converter = LinesConverter.class)
  @Column(name = "proposed_labels", length = 4000)
  private List<String> proposedLabels;

  @Column(name = "proposed_provider", length = 32)
  private String proposedProvider;

  @Column(name = "proposed_model", length = 200)
  private String proposedModel;

  @Column(name = "proposed_prompt_version", length = 32)
  private String proposedPromptVersion;

  @Column(name = "proposed_input_hash", length = 64)
  private String proposedInputHash;

  @Column(name = "proposed_by_task", length = 36)
  private String proposedByTask;

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /** The provider that makes stand-in texts in process when no model is configured. */
  static final String LOCAL_PROVIDER = "local";

  protected ImageAsset() {}

  ImageAsset(
      String owner,
      String filename,
      InspectedImage inspected,
      long sizeBytes,
      String contentSha256,
      String contentBlobId,
      String language,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.owner = Objects.requireNonNull(owner, "owner");
    this.filename = Texts.bounded(filename, 255);
    this.contentType = inspected.format().mediaType();
    this.width = inspected.width();
    this.height = inspected.height();
    this.sizeBytes = sizeBytes;
    this.contentSha256 = contentSha256;
    this.contentBlobId = contentBlobId;
    this.language = language;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets ALT text written by a person: it stands, and no model is asked. */
  void writtenByHuman(String text, List<String> newLabels, Instant now) {
    this.altText = Texts.bounded(text.strip(), ALT_TEXT_LENGTH);
    this.labels = new ArrayList<>(newLabels);
    this.aiGenerated = false;
    this.provider = null;
    this.model = null;
    this.promptVersion = null;
    this.inputHash = null;
    this.describedByTask = null;
    this.updatedAt = now;
  }

  /**
   * Records a model's description with its provenance and triage. It becomes the image's text,
   * whose earlier review no longer applies, unless a person wrote or approved the text, the current
   * text came from another prompt version (the two are compared before one replaces the other), or
   * the text is {@code withheld} (it must not be used before a person approves it): then it waits
   * as a proposal with a provenance of its own, and the current text keeps its. It waits for a
   * person when {@code reviewRequired} or when it is a proposal.
   */
  void describedByModel(
      ImageDescription description,
      String taskId,
      Triage triage,
      boolean reviewRequired,
      boolean withheld,
      Instant now) {
    String text = Texts.bounded(description.altText(), ALT_TEXT_LENGTH);
    if (heldByPerson() || withheld || madeWithAnotherPrompt(description.promptVersion())) {
      this.proposedAltText = text;
      this.proposedLabels = List.copyOf(description.labels());
      this.proposedProvider = description.provider();
      this.proposedModel = description.model();
      this.proposedPromptVersion = description.promptVersion();
      this.proposedInputHash = description.inputHash();
      this.proposedByTask = taskId;
      this.awaitingReview = true;
    } else {
      clearProposal();
      this.inputHash = description.inputHash();
      this.describedByTask = taskId;
      this.provider = description.provider();
      this.model = description.model();
      this.promptVersion = description.promptVersion();
      this.altText = text;
      this.labels = new ArrayList<>(description.labels());
      this.aiGenerated = true;
      this.reviewState = ReviewState.UNREVIEWED;
      this.reviewedBy = null;
      this.reviewedAt = null;
      this.reviewNote = null;
      this.awaitingReview = reviewRequired;
    }
    triaged(triage);
    this.updatedAt = now;
  }

  /**
   * Whether the current text is a model's that stands (not turned down) and came from a prompt
   * version other than {@code version}. The in-process {@value #LOCAL_PROVIDER} provider's texts
   * are stand-ins until a model is configured: a model's text replaces them.
   */
  private boolean madeWithAnotherPrompt(String version) {
    return altText != null
        && aiGenerated
        && reviewState != ReviewState.REJECTED
        && !LOCAL_PROVIDER.equals(provider)
        && promptVersion != null
        && !promptVersion.equals(version);
  }

  /** The model refused or could not see the image: no text came, and a person must decide. */
  void refusedByModel(Triage triage, Instant now) {
    this.awaitingReview = true;
    triaged(triage);
    this.updatedAt = now;
  }

  /**
   * A person accepts the text as it is: a waiting proposal becomes the text. Returns what was
   * approved, for the audit trail.
   *
   * @throws ReviewConflictException when there is no text to approve
   */
  public String approve(String by, Instant now) {
    String approved = "the ALT text";
    if (proposedAltText != null) {
      this.altText = proposedAltText;
      this.labels = new ArrayList<>(proposedLabels());
      this.aiGenerated = true;
      if (proposedByTask != null) {
        this.provider = proposedProvider;
        this.model = proposedModel;
        this.promptVersion = proposedPromptVersion;
        this.inputHash = proposedInputHash;
        this.describedByTask = proposedByTask;
      }
      clearProposal();
      approved = "the model's proposal";
    } else if (altText == null) {
      throw new ReviewConflictException(
          "Image " + id + " has no ALT text to approve; write one instead.");
    }
    reviewed(ReviewState.APPROVED, by, null, now);
    return approved;
  }

  /** A person writes the text: it stands, and a waiting proposal is dropped. */
  public void edit(String text, List<String> newLabels, String by, Instant now) {
    this.altText = Texts.bounded(text.strip(), ALT_TEXT_LENGTH);
    this.labels = new ArrayList<>(newLabels);
    this.aiGenerated = false;
    clearProposal();
    reviewed(ReviewState.EDITED, by, null, now);
  }

  /**
   * A person turns down the model's text. A proposal beside a current text is dropped and the
   * current text stands as it was (returns false); otherwise the text, or a withheld proposal
   * without a text beside it, is marked rejected and must be made again (returns true).
   *
   * @throws ReviewConflictException when there is no model text to turn down
   */
  public boolean reject(String by, String note, Instant now) {
    if (proposedAltText == null && altText != null && !aiGenerated) {
      throw new ReviewConflictException(
          "The ALT text of image " + id + " was written by a person; edit it instead.");
    }
    if (proposedAltText != null && altText == null) {
      clearProposal();
      reviewed(ReviewState.REJECTED, by, note, now);
      return true;
    }
    if (proposedAltText != null) {
      clearProposal();
      this.awaitingReview = false;
      this.reviewNote = Texts.bounded(note, NOTE_LENGTH);
      this.updatedAt = now;
      return false;
    }
    reviewed(ReviewState.REJECTED, by, note, now);
    return true;
  }

  /** Whether a person wrote or approved the current text: nothing a model makes replaces it. */
  public boolean heldByPerson() {
    return altText != null
        && (!aiGenerated
            || reviewState == ReviewState.APPROVED
            || reviewState == ReviewState.EDITED);
  }

  private void reviewed(ReviewState state, String by, String note, Instant now) {
    this.reviewState = state;
    this.reviewedBy = by;
    this.reviewedAt = now;
    this.reviewNote = Texts.bounded(note, NOTE_LENGTH);
    this.awaitingReview = false;
    this.updatedAt = now;
  }

  private void triaged(Triage triage) {
    this.triageScore = triage.score();
    this.triageReasons = triage.reasons();
    this.triageNotes = triage.notes();
  }

  private void clearProposal() {
    this.proposedAltText = null;
    this.proposedLabels = null;
    this.proposedProvider = null;
    this.proposedModel = null;
    this.proposedPromptVersion = null;
    this.proposedInputHash = null;
    this.proposedByTask = null;
  }

  /**
   * A person keeps the current text and drops the proposal waiting beside it: a model's text is
   * then approved, a person's stays as it is.
   *
   * @throws ReviewConflictException when no proposal waits
   */
  public void keepCurrent(String by, String note, Instant now) {
    if (proposedAltText == null || altText == null) {
      throw new ReviewConflictException(
          "Image " + id + " has no new text waiting beside its current one.");
    }
    clearProposal();
    if (heldByPerson()) {
      this.awaitingReview = false;
      this.updatedAt = now;
    } else {
      reviewed(ReviewState.APPROVED, by, note, now);
    }
  }

  void rememberIdempotencyKey(String key) {
    this.idempotencyKey = key;
  }

  void assignTask(String newTaskId) {
    this.taskId = newTaskId;
  }

  void attachPreview(String blobId, Preview preview, Instant now) {
    this.previewBlobId = blobId;
    this.previewWidth = preview.width();
    this.previewHeight = preview.height();
    this.previewTransparent = preview.transparent();
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String filename() {
    return filename;
  }

  public String contentType() {
    return contentType;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String contentSha256() {
    return contentSha256;
  }

  public String contentBlobId() {
    return contentBlobId;
  }

  public String previewBlobId() {
    return previewBlobId;
  }

  public Integer previewWidth() {
    return previewWidth;
  }

  public Integer previewHeight() {
    return previewHeight;
  }

  /** Whether the original has transparent areas; known once the preview is prepared. */
  public boolean previewTransparent() {
    return Boolean.TRUE.equals(previewTransparent);
  }

  public String language() {
    return language;
  }

  public String altText() {
    return altText;
  }

  public List<String> labels() {
    return Collections.unmodifiableList(labels);
  }

  public boolean aiGenerated() {
    return aiGenerated;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public String promptVersion() {
    return promptVersion;
  }

  /** The input hash (content, provider, model, prompt version) of the model's description. */
  public String inputHash() {
    return inputHash;
  }

  /** The task whose model call wrote the current description. */
  public String describedByTask() {
    return describedByTask;
  }

  public ReviewState reviewState() {
    return reviewState;
  }

  public String reviewedBy() {
    return reviewedBy;
  }

  public Instant reviewedAt() {
    return reviewedAt;
  }

  public String reviewNote() {
    return reviewNote;
  }

  /** Whether the image waits for a person: its result is doubtful, under review, or a proposal. */
  public boolean awaitingReview() {
    return Boolean.TRUE.equals(awaitingReview);
  }

  /** How doubtful the model's last result is, and why. */
  public Triage triage() {
    return new Triage(
        triageScore == null ? 0 : triageScore,
        triageReasons == null ? Set.of() : triageReasons,
        triageNotes == null ? Map.of() : triageNotes);
  }

  /** A model's text waiting beside a person's, or null. */
  public String proposedAltText() {
    return proposedAltText;
  }

  /** The labels of the waiting proposal; empty without one. */
  /** The prompt version the waiting proposal was made with, if a model made it. */
  public String proposedPromptVersion() {
    return proposedPromptVersion;
  }

  public List<String> proposedLabels() {
    return proposedLabels == null ? List.of() : proposedLabels;
  }

  /** The image's version, for {@code If-Match} preconditions. */
  public long version() {
    return version;
  }

  public String taskId() {
    return taskId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
