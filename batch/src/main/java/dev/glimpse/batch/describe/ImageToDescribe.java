package dev.glimpse.batch.describe;

import dev.glimpse.domain.image.EarlierDescription;
import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.Preview;

/**
 * What a describe attempt reads before it calls the model, in one transaction: the image, its input
 * hash, and the first of these that applies — a trusted earlier description with the same input
 * hash ({@code earlier}), the preview an earlier attempt stored ({@code stored}), or else the
 * original's bytes to prepare ({@code original}). The other two are null.
 */
record ImageToDescribe(
    ImageAsset image,
    String inputHash,
    EarlierDescription earlier,
    Preview stored,
    byte[] original) {

  static ImageToDescribe describedBefore(
      ImageAsset image, String inputHash, EarlierDescription earlier) {
    return new ImageToDescribe(image, inputHash, earlier, null, null);
  }

  static ImageToDescribe preparedBefore(ImageAsset image, String inputHash, Preview stored) {
    return new ImageToDescribe(image, inputHash, null, stored, null);
  }

  static ImageToDescribe toPrepare(ImageAsset image, String inputHash, byte[] original) {
    return new ImageToDescribe(image, inputHash, null, null, original);
  }
}
