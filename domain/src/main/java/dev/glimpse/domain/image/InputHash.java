package dev.glimpse.domain.image;

import dev.glimpse.domain.blob.StoredBlob;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What makes two pieces of work the same: the content's SHA-256, the language the result is written
 * in, the provider and model, and the prompt version. Work with an input hash that already has a
 * result is completed from it, so an image uploaded for {@code de} is never given the description
 * made for {@code en}.
 */
public final class InputHash {

  private InputHash() {}

  /** The SHA-256 of the content hash, language (any case), provider, model and prompt version. */
  public static String of(
      String contentSha256, String language, String provider, String model, String promptVersion) {
    String key =
        String.join(
            "\n", contentSha256, language.toLowerCase(Locale.ROOT), provider, model, promptVersion);
    return StoredBlob.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
  }
}
