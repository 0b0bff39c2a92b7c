package dev.glimpse.batch.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.image.Preview;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePreparerTest {

  private final ImagePreparer preparer = new ImagePreparer();

  private static byte[] encoded(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static byte[] resource(String path) throws IOException {
    try (var in = ImagePreparerTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  /** {@code jpeg} with an EXIF APP1 segment holding only the Orientation tag. */
  private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
    byte[] exif = new byte[6 + tiff.capacity()];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
    System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    int length = exif.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static BufferedImage decoded(byte[] jpeg) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  @Test
  void fitsALargeLandscapeInto600PixelsKeepingItsAspectRatio() throws Exception {
    byte[] original = encoded(new BufferedImage(3000, 1500, BufferedImage.TYPE_INT_RGB), "png");

    Preview prepared = preparer.prepare(original);

    assertThat(prepared.width()).isEqualTo(600);
    assertThat(prepared.height()).isEqualTo(300);
    BufferedImage jpeg = decoded(prepared.jpeg());
    assertThat(jpeg.getWidth()).isEqualTo(600);
    assertThat(jpeg.getHeight()).isEqualTo(300);
    assertThat(prepared.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
  }

  @Test
  void fitsATallPortraitBySideNotByWidth() throws Exception {
    Preview prepared =
        preparer.prepare(encoded(new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB), "png"));

    assertThat(prepared.height()).isEqualTo(600);
    assertThat(prepared.width()).isEqualTo(338);
  }

  @Test
  void neverEnlargesASmallImage() throws Exception {
    Preview prepared =
        preparer.prepare(encoded(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png"));

    assertThat(prepared.width()).isEqualTo(120);
    assertThat(prepared.height()).isEqualTo(80);
  }

  @Test
  void flattensTransparencyOntoWhiteAndReportsIt() throws Exception {
    BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);

    Preview prepared = preparer.prepare(encoded(clear, "png"));

    assertThat(prepared.transparent()).isTrue();
    Color centre = new Color(decoded(prepared.jpeg()).getRGB(25, 25));
    assertThat(centre.getRed()).isGreaterThan(245);
    assertThat(centre.getGreen()).isGreaterThan(245);
    assertThat(centre.getBlue()).isGreaterThan(245);
  }

  @Test
  void reportsAnOpaqueImageAsNotTransparent() throws Exception {
    assertThat(
            preparer
                .prepare(encoded(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png"))
                .transparent())
        .isFalse();
  }

  @Test
  void decodesAWebpAndSubsamplesItWhileDecoding() throws Exception {
    Preview prepared = preparer.prepare(resource("/images/wood-d.webp"));

    assertThat(prepared.width()).isEqualTo(600);
    assertThat(prepared.height()).isEqualTo(600);
    assertThat(ImagePreparer.subsampling(4096, 4096)).isEqualTo(3);
  }

  @Test
  void takesTheFirstFrameOfAnAnimatedGif() throws Exception {
    Preview prepared = preparer.prepare(resource("/images/no_time_for_that_tiny.gif"));

    assertThat(prepared.width()).isPositive();
    assertThat(decoded(prepared.jpeg())).isNotNull();
  }

  @Test
  void turnsAPhotoUprightByItsExifOrientation() throws Exception {
    byte[] jpeg = encoded(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "jpg");

    Preview prepared = preparer.prepare(withExifOrientation(jpeg, 6));

    assertThat(prepared.width()).isEqualTo(100);
    assertThat(prepared.height()).isEqualTo(200);
  }

  @Test
  void preparesA15MegapixelJpegFromASubsampledDecode() throws Exception {
    byte[] jpeg = encoded(new BufferedImage(5120, 2880, BufferedImage.TYPE_INT_RGB), "jpg");

    Preview prepared = preparer.prepare(jpeg);

    assertThat(ImagePreparer.subsampling(5120, 2880)).isEqualTo(4);
    assertThat(prepared.width()).isEqualTo(600);
    assertThat(prepared.height()).isEqualTo(338);
  }

  @Test
  void refusesAJpegCutShortRatherThanDescribeHalfAnImage() {
    assertThatThrownBy(() -> preparer.prepare(resource("/images/truncated.jpg")))
        .isInstanceOf(ImagePreparationException.class)
        .hasMessageContaining("cannot be decoded");
  }

  @Test
  void refusesBytesThatDoNotDecodeWithAReadableReason() throws IOException {
    byte[] cut =
        Arrays.copyOf(encoded(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "jpg"), 30);

    assertThatThrownBy(() -> preparer.prepare(cut))
        .isInstanceOf(ImagePreparationException.class)
        .hasMessageContaining("cannot be decoded");
  }
}
