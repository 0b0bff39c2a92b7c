package dev.glimpse.domain.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

  private final ImageInspector inspector = new ImageInspector(1_000_000, 10_000_000);

  private static byte[] encoded(String format, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  /** A PNG whose header claims {@code width}×{@code height}, with no pixel data behind it. */
  private static byte[] pngHeaderClaiming(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    ihdr.put(new byte[] {8, 2, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }

  @Test
  void readsFormatAndSizeOfAPngAndAJpeg() throws IOException {
    assertThat(inspector.inspect(encoded("png", 451, 300)))
        .isEqualTo(new InspectedImage(ImageFormat.PNG, 451, 300));
    assertThat(inspector.inspect(encoded("jpg", 30, 60)))
        .isEqualTo(new InspectedImage(ImageFormat.JPEG, 30, 60));
  }

  @Test
  void refusesTextNamedLikeAnImageAsAnUnsupportedType() {
    assertThatThrownBy(() -> inspector.inspect("hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ImageRejectedException.Reason.UNSUPPORTED_TYPE));
  }

  @Test
  void refusesAnEmptyUpload() {
    assertThatThrownBy(() -> inspector.inspect(new byte[0]))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.getMessage()).contains("empty"));
  }

  @Test
  void refusesAJpegCutShortAsUndecodable() throws IOException {
    byte[] jpeg = encoded("jpg", 200, 100);

    assertThatThrownBy(() -> inspector.inspect(Arrays.copyOf(jpeg, 40)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ImageRejectedException.Reason.UNDECODABLE));
  }

  @Test
  void refusesAHeaderClaimingMorePixelsThanTheLimitBeforeDecodingAny() {
    assertThatThrownBy(() -> inspector.inspect(pngHeaderClaiming(100_000, 100_000)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ImageRejectedException.Reason.TOO_MANY_PIXELS);
              assertThat(e.getMessage()).contains("100000×100000");
            });
  }

  @Test
  void refusesMoreBytesThanTheLimit() throws IOException {
    ImageInspector strict = new ImageInspector(100, 10_000_000);

    assertThatThrownBy(() -> strict.inspect(encoded("png", 300, 300)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ImageRejectedException.Reason.TOO_LARGE));
  }

  @Test
  void recognisesWebpByItsRiffSignature() {
    byte[] header = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);

    assertThat(ImageFormat.sniff(header)).contains(ImageFormat.WEBP);
  }
}
