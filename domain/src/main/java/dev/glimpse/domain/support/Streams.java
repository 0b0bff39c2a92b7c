package dev.glimpse.domain.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading uploads without trusting their declared size. */
public final class Streams {

  private Streams() {}

  /**
   * The bytes of {@code in}, which is closed, if there are at most {@code max}; empty when there
   * are more. Never reads more than one byte past the limit.
   */
  public static Optional<byte[]> readAtMost(InputStream in, long max) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    }
  }
}
