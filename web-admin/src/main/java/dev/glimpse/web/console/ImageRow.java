package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.review.TriageReason;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One row of the console's image table (a bean with getters, as Faces EL reads them). */
public final class ImageRow implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter UPLOADED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final String id;
  private final String filename;
  private final String dimensions;
  private final String status;
  private final String lastError;
  private final String altText;
  private final String labels;
  private final boolean aiGenerated;
  private final String review;
  private final String reviewedBy;
  private final boolean pending;
  private final String reasons;
  private final int score;
  private final String proposal;
  private final String madeBy;
  private final String promptVersion;
  private final Instant uploaded;

  private ImageRow(ImageListing listing) {
    ImageAsset image = listing.image();
    this.id = image.id();
    this.filename = image.filename();
    this.dimensions = image.width() + " × " + image.height();
    this.status = listing.task() == null ? "—" : listing.task().status().name();
    this.lastError = listing.task() == null ? null : listing.task().lastError();
    this.altText = image.altText();
    this.labels = String.join(", ", image.labels());
    this.aiGenerated = image.aiGenerated();
    this.review = image.reviewState().name();
    this.reviewedBy = image.reviewedBy();
    this.pending = image.awaitingReview();
    this.reasons =
        image.triage().reasons().stream()
            .map(TriageReason::label)
            .collect(Collectors.joining(", "));
    this.score = image.triage().score();
    this.proposal = image.proposedAltText();
    this.madeBy = image.provider() == null ? null : image.provider() + "/" + image.model();
    this.promptVersion = image.aiGenerated() ? image.promptVersion() : null;
    this.uploaded = image.createdAt();
  }

  static ImageRow of(ImageListing listing) {
    return new ImageRow(listing);
  }

  public String getId() {
    return id;
  }

  public String getFilename() {
    return filename;
  }

  public String getDimensions() {
    return dimensions;
  }

  public String getStatus() {
    return status;
  }

  public String getLastError() {
    return lastError;
  }

  public String getAltText() {
    return altText;
  }

  public String getLabels() {
    return labels;
  }

  public boolean isAiGenerated() {
    return aiGenerated;
  }

  public String getReview() {
    return review;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  /** Whether the image waits for a person. */
  public boolean isPending() {
    return pending;
  }

  /** The triage reasons, as reviewers read them, comma-separated. */
  public String getReasons() {
    return reasons;
  }

  public int getScore() {
    return score;
  }

  /** A model's text waiting beside a person's, or null. */
  public String getProposal() {
    return proposal;
  }

  /** Provider and model of the current description, or null. */
  public String getMadeBy() {
    return madeBy;
  }

  /** The prompt version of a model's current text; null for a person's. */
  public String getPromptVersion() {
    return promptVersion;
  }

  public Instant getUploaded() {
    return uploaded;
  }

  /** When it was uploaded, to the minute, in UTC. */
  public String getUploadedText() {
    return UPLOADED.format(uploaded);
  }

  /**
   * The thumbnail's text alternative: the ALT text, or empty (decorative) when there is none yet,
   * since the row's file name already says which image it is.
   */
  public String getThumbnailAlt() {
    return altText == null ? "" : altText;
  }
}
