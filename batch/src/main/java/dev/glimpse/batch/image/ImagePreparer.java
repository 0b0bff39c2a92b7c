package dev.glimpse.batch.image;

import dev.glimpse.domain.image.ImageCodecs;
import dev.glimpse.domain.image.Preview;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an upload into the input vision models are sent: decoded (the first frame of an animation;
 * large images subsampled while decoding, so a 15-megapixel photo never lives in memory at full
 * size), turned upright by its EXIF orientation, reduced to fit {@value #MAX_SIDE}×{@value
 * #MAX_SIDE} without enlarging, transparency flattened onto white, JPEG-encoded.
 */
public class ImagePreparer {

  public static final int MAX_SIDE = 600;
  static final double JPEG_QUALITY = 0.85;

  /** Decoding keeps at least this multiple of the target size, for a clean final reduction. */
  static final int OVERSAMPLING = 2;

  public Preview prepare(byte[] original) throws ImagePreparationException {
    ImageCodecs.ensureRegistered();
    Decoded decoded = decode(original);
    BufferedImage image = decoded.image();
    boolean transparent = hasTransparentPixels(image);
    try {
      boolean fits = image.getWidth() <= MAX_SIDE && image.getHeight() <= MAX_SIDE;
      var builder =
          fits ? Thumbnails.of(image).scale(1.0) : Thumbnails.of(image).size(MAX_SIDE, MAX_SIDE);
      if (decoded.orientation() != null && decoded.orientation() != Orientation.TOP_LEFT) {
        builder.addFilter(ExifFilterUtils.getFilterForOrientation(decoded.orientation()));
      }
      BufferedImage opaque = onWhite(builder.asBufferedImage());
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      Thumbnails.of(opaque)
          .scale(1.0)
          .outputFormat("jpg")
          .outputQuality(JPEG_QUALITY)
          .toOutputStream(jpeg);
      return new Preview(jpeg.toByteArray(), opaque.getWidth(), opaque.getHeight(), transparent);
    } catch (IOException e) {
      throw new ImagePreparationException("The image could not be resized: " + e.getMessage(), e);
    }
  }

  /** The largest subsampling step that still leaves {@link #OVERSAMPLING} times the target size. */
  static int subsampling(int width, int height) {
    int longSide = Math.max(width, height);
    return Math.max(1, longSide / (MAX_SIDE * OVERSAMPLING));
  }

  private record Decoded(BufferedImage image, Orientation orientation) {}

  private static Decoded decode(byte[] original) throws ImagePreparationException {
    try (ImageInputStream input =
        ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new ImagePreparationException(
            "The image is in a format this server cannot decode.", null);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, false, false);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(reader.getWidth(0), reader.getHeight(0));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        return new Decoded(image, orientation(reader));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImagePreparationException(
          "The image cannot be decoded: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  private static Orientation orientation(ImageReader reader) {
    try {
      return ExifUtils.getExifOrientation(reader, 0);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean hasTransparentPixels(BufferedImage image) {
    if (image.getColorModel().getTransparency() == Transparency.OPAQUE) {
      return false;
    }
    int step = Math.max(1, Math.max(image.getWidth(), image.getHeight()) / 200);
    for (int y = 0; y < image.getHeight(); y += step) {
      for (int x = 0; x < image.getWidth(); x += step) {
        if ((image.getRGB(x, y) >>> 24) < 255) {
          return true;
        }
      }
    }
    return false;
  }

  private static BufferedImage onWhite(BufferedImage image) {
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return rgb;
  }
}
