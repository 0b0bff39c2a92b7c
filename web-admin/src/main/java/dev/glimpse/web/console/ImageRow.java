package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import java.io.Serializable;

/** One row of the console's image table (a bean with getters, as Faces EL reads them). */
public final class ImageRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String filename;
  private final String dimensions;
  private final String status;
  private final String lastError;
  private final String altText;
  private final String labels;
  private final boolean aiGenerated;
  private final String review;

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
}
