package dev.glimpse.domain.image;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An uploaded image, its ALT text and labels, where they came from (a model, with provider, model
 * and prompt version; or a person) and how a reviewer judged them. The bytes live in a {@code
 * StoredBlob}.
 */
@Entity
@Table(
    name = "image_asset",
    indexes = {
      @Index(name = "ix_image_owner", columnList = "owner, created_at"),
      @Index(name = "ix_image_task", columnList = "task_id"),
      @Index(name = "ix_image_input_hash", columnList = "input_hash")
    },
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_image_idempotency",
            columnNames = {"owner", "idempotency_key"}))
public class ImageAsset {

  public static final int ALT_TEXT_LENGTH = 4000;

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
  @CollectionTable(name = "image_label", joinColumns = @JoinColumn(name = "image_id"))
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

  @Column(name = "task_id", length = 36)
  private String taskId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

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

  /** Records a model's description, with its provenance; any earlier review no longer applies. */
  void describedByModel(ImageDescription description, String taskId, Instant now) {
    this.inputHash = description.inputHash();
    this.describedByTask = taskId;
    this.altText = Texts.bounded(description.altText(), ALT_TEXT_LENGTH);
    this.labels = new ArrayList<>(description.labels());
    this.aiGenerated = true;
    this.provider = description.provider();
    this.model = description.model();
    this.promptVersion = description.promptVersion();
    this.reviewState = ReviewState.UNREVIEWED;
    this.reviewedBy = null;
    this.reviewedAt = null;
    this.updatedAt = now;
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
