package dev.glimpse.system;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The images the benchmarks upload and prepare, made in the test. */
final class BenchImages {

  private static final int STAMP_BITS = 20;
  private static final int STAMP_PIXELS = 4;

  private final BufferedImage photo;

  private BenchImages(BufferedImage photo) {
    this.photo = photo;
  }

  /** Variants of the corpus photo chelsea.png (451×300). */
  static BenchImages ofCorpusPhoto() {
    try {
      return new BenchImages(
          ImageIO.read(
              new ByteArrayInputStream(GlimpseClient.resource("/corpus/images/chelsea.png"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The photo as a PNG with {@code index} stamped into its top left corner in black and white
   * squares: each index makes different pixels, so the prepared image a model is sent differs too.
   */
  byte[] stampedPng(int index) {
    BufferedImage copy =
        new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = copy.createGraphics();
    try {
      graphics.drawImage(photo, 0, 0, null);
      for (int bit = 0; bit < STAMP_BITS; bit++) {
        graphics.setColor((index >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
        graphics.fillRect(bit * STAMP_PIXELS * 2, 0, STAMP_PIXELS * 2, STAMP_PIXELS * 2);
      }
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(copy, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /**
   * A photograph-like JPEG of {@code width}×{@code height}: gradients, shapes and grain, at quality
   * 0.9, so that it decodes like a camera's picture rather than a flat test card.
   */
  static byte[] photoJpeg(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    Random random = new Random(seed);
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setPaint(
          new GradientPaint(
              0, 0, new Color(90, 140, 200), width, height, new Color(230, 200, 150)));
      graphics.fillRect(0, 0, width, height);
      for (int shape = 0; shape < 60; shape++) {
        graphics.setColor(
            new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
        int size = width / 20 + random.nextInt(width / 6);
        graphics.fillOval(random.nextInt(width), random.nextInt(height), size, size * 2 / 3);
      }
    } finally {
      graphics.dispose();
    }
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int grain = random.nextInt(9) - 4;
        int rgb = row[x];
        row[x] =
            clamp((rgb >> 16 & 0xff) + grain) << 16
                | clamp((rgb >> 8 & 0xff) + grain) << 8
                | clamp((rgb & 0xff) + grain);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return jpeg(image, 0.9f);
  }

  /**
   * {@code jpeg} with a comment segment holding {@code index} right after its start marker: the
   * same pixels, a different file (and content hash) for each index.
   */
  static byte[] withComment(byte[] jpeg, int index) {
    byte[] text = ("bench image " + index).getBytes(StandardCharsets.US_ASCII);
    int length = text.length + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xfe);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(text);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static int clamp(int channel) {
    return Math.max(0, Math.min(255, channel));
  }

  private static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
