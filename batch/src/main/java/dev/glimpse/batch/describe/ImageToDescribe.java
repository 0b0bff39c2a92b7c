package dev.glimpse.batch.describe;

import dev.glimpse.domain.image.EarlierDescription;
import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.Preview;

/**
 * What a describe attempt reads, in one transaction, before it prepares the image: the image, its
 * input hash, and a trusted earlier description with the same input hash ({@code earlier}) or else
 * the preview an earlier attempt stored ({@code stored}). Both are null when the image is still to
 * be prepared from its original.
 */
record ImageToDescribe(
    ImageAsset image, String inputHash, EarlierDescription earlier, Preview stored) {

  static ImageToDescribe describedBefore(
      ImageAsset image, String inputHash, EarlierDescription earlier) {
    return new ImageToDescribe(image, inputHash, earlier, null);
  }

  static ImageToDescribe preparedBefore(ImageAsset image, String inputHash, Preview stored) {
    return new ImageToDescribe(image, inputHash, null, stored);
  }

  static ImageToDescribe toPrepare(ImageAsset image, String inputHash) {
    return new ImageToDescribe(image, inputHash, null, null);
  }
}
