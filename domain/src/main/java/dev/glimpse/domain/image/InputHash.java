package dev.glimpse.domain.image;

import dev.glimpse.domain.blob.StoredBlob;
import java.nio.charset.StandardCharsets;

/**
 * What makes two pieces of work the same: the content's SHA-256, the provider and model, and the
 * prompt version. Work with an input hash that already has a result is completed from it.
 */
public final class InputHash {

  private InputHash() {}

  /** The SHA-256 of the content hash, provider, model and prompt version. */
  public static String of(
      String contentSha256, String provider, String model, String promptVersion) {
    String key = String.join("\n", contentSha256, provider, model, promptVersion);
    return StoredBlob.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
  }
}
