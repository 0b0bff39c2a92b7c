package dev.glimpse.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images for runs of many uploads, each of which the stub model can tell apart. */
final class TestImages {

  private TestImages() {}

  /**
   * A small PNG whose pixels differ from every other index's (so its prepared JPEG does too), and
   * whose bytes differ from every earlier run's.
   */
  static byte[] distinctPng(int index) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int bit = 0; bit < 16; bit++) {
      image.setRGB(bit, 0, ((index >> bit) & 1) == 1 ? 0xFFFFFF : 0x000000);
    }
    image.setRGB(0, 1, 0x00FF00 | (index & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return GlimpseClient.uniqueCopy(out.toByteArray());
  }
}
