package dev.glimpse.gateway;

import java.util.Objects;

/**
 * An image prepared for a model, and what is known of the original it was made from.
 *
 * @param jpeg the prepared image (at most 600 px a side), JPEG-encoded
 * @param original facts about the original upload, which the prepared variant no longer shows
 * @param language BCP 47 tag of the language the description must be in
 */
public record VisionRequest(byte[] jpeg, OriginalImage original, String language) {

  public VisionRequest {
    Objects.requireNonNull(jpeg, "jpeg");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(language, "language");
  }

  /** Size and transparency of the uploaded image. */
  public record OriginalImage(int width, int height, boolean transparent) {}
}
