package dev.glimpse.domain.image;

import static dev.glimpse.domain.image.ImageRejectedException.Reason.TOO_LARGE;
import static dev.glimpse.domain.image.ImageRejectedException.Reason.TOO_MANY_PIXELS;
import static dev.glimpse.domain.image.ImageRejectedException.Reason.UNDECODABLE;
import static dev.glimpse.domain.image.ImageRejectedException.Reason.UNSUPPORTED_TYPE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an upload before anything is stored: a recognised signature, a decoder for it, a readable
 * header and sizes within the limits. It reads the header only, so a decompression bomb is refused
 * before a single pixel is decoded.
 */
public class ImageInspector {

  private final long maxBytes;
  private final long maxPixels;

  public ImageInspector(long maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  public InspectedImage inspect(byte[] bytes) {
    if (bytes.length == 0) {
      throw new ImageRejectedException(UNSUPPORTED_TYPE, "The upload is empty.");
    }
    if (bytes.length > maxBytes) {
      throw new ImageRejectedException(
          TOO_LARGE, "The image has " + bytes.length + " bytes; the limit is " + maxBytes + ".");
    }
    ImageCodecs.ensureRegistered();
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(
                () ->
                    new ImageRejectedException(
                        UNSUPPORTED_TYPE, "The upload is not a JPEG, PNG, GIF or WebP image."));
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new ImageRejectedException(
            UNSUPPORTED_TYPE, "This server has no decoder for " + format + " images.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > maxPixels) {
          throw new ImageRejectedException(
              TOO_MANY_PIXELS,
              "The image has "
                  + width
                  + "×"
                  + height
                  + " pixels; the limit is "
                  + maxPixels
                  + " pixels.");
        }
        return new InspectedImage(format, width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejectedException rejected) {
        throw rejected;
      }
      throw new ImageRejectedException(
          UNDECODABLE, "The " + format + " image cannot be decoded: " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
