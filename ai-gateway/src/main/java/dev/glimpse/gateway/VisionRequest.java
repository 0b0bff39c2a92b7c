package dev.glimpse.gateway;

import dev.glimpse.gateway.prompt.Expectation;
import java.util.Objects;

/**
 * An image prepared for a model, and what is known of the original it was made from.
 *
 * @param jpeg the prepared image (at most 600 px a side), JPEG-encoded
 * @param original facts about the original upload, which the prepared variant no longer shows
 * @param language BCP 47 tag of the language the description must be in
 * @param filename the uploaded file's name, or null: a description that only repeats it is flagged
 * @param softLimit the ALT text length a reader should not have to go beyond, or 0 for none
 */
public record VisionRequest(
    byte[] jpeg, OriginalImage original, String language, String filename, int softLimit) {

  public VisionRequest {
    Objects.requireNonNull(jpeg, "jpeg");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(language, "language");
  }

  /** A request with no file name and no length limit. */
  public VisionRequest(byte[] jpeg, OriginalImage original, String language) {
    this(jpeg, original, language, null, 0);
  }

  /** What the answer to this request is judged against. */
  public Expectation expectation() {
    return new Expectation(language, filename, softLimit);
  }

  /** Size and transparency of the uploaded image. */
  public record OriginalImage(int width, int height, boolean transparent) {}
}
