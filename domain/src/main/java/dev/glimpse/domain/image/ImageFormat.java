package dev.glimpse.domain.image;

import java.util.Arrays;
import java.util.Optional;

/** The image formats Glimpse accepts, recognised by their leading bytes rather than by name. */
public enum ImageFormat {
  JPEG("image/jpeg", "jpeg", new int[] {0xFF, 0xD8, 0xFF}),
  PNG("image/png", "png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  GIF("image/gif", "gif", new int[] {'G', 'I', 'F', '8'}),
  WEBP("image/webp", "webp", null);

  private final String mediaType;
  private final String readerName;
  private final int[] magic;

  ImageFormat(String mediaType, String readerName, int[] magic) {
    this.mediaType = mediaType;
    this.readerName = readerName;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The ImageIO format name of this format's reader. */
  public String readerName() {
    return readerName;
  }

  /** The format whose media type is {@code mediaType}, if Glimpse accepts it. */
  public static Optional<ImageFormat> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(format -> format.mediaType.equals(mediaType)).findFirst();
  }

  /** The format whose signature {@code bytes} start with, if any. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (isWebp(bytes)) {
      return Optional.of(WEBP);
    }
    return Arrays.stream(values())
        .filter(format -> format.magic != null && startsWith(bytes, format.magic))
        .findFirst();
  }

  private static boolean isWebp(byte[] bytes) {
    return bytes.length >= 12
        && startsWith(bytes, new int[] {'R', 'I', 'F', 'F'})
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P';
  }

  private static boolean startsWith(byte[] bytes, int[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
