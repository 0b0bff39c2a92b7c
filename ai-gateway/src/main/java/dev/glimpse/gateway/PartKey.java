package dev.glimpse.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a part's summary depends on: the part's text (by its SHA-256), the language the summary is
 * written in, the model and the prompt version. The same part of an edited document, or of another
 * document, has the same key.
 */
public record PartKey(String partSha256, String language, String model, String promptVersion) {

  /** The key of {@code part}'s summary in {@code language} by {@code model} with {@code prompt}. */
  public static PartKey of(String part, String language, String model, String promptVersion) {
    return new PartKey(sha256(part), language, model, promptVersion);
  }

  /** One string for all four, 64 hex digits: the key as a database stores it. */
  public String digest() {
    return sha256(partSha256 + '\n' + language + '\n' + model + '\n' + promptVersion);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
