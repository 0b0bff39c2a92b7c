package dev.glimpse.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.VisionRequest;
import dev.glimpse.gateway.prompt.AltText;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LocalVisionClientTest {

  private final LocalVisionClient client = new LocalVisionClient();

  /**
   * A JPEG filled with {@code top} above and {@code bottom} below {@code split} (0..1) of its
   * height.
   */
  private static byte[] twoColours(int width, int height, Color top, Color bottom, double split)
      throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(top);
    g.fillRect(0, 0, width, (int) (height * split));
    g.setColor(bottom);
    g.fillRect(0, (int) (height * split), width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private ModelResult.Answered<AltText> describe(
      byte[] jpeg, int width, int height, boolean transparent) {
    ModelResult<AltText> result =
        client.describe(
            new VisionRequest(
                jpeg, new VisionRequest.OriginalImage(width, height, transparent), "en"));
    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    return (ModelResult.Answered<AltText>) result;
  }

  @Test
  void describesOrientationSizeColoursAndBrightnessOfABlueAndGreenLandscape() throws IOException {
    ModelResult.Answered<AltText> described =
        describe(
            twoColours(600, 300, new Color(40, 90, 220), new Color(40, 170, 60), 0.6),
            4032,
            2016,
            false);

    assertThat(described.value().description())
        .isEqualTo(
            "A landscape image of 4032 × 2016 pixels, mostly blue and green, of medium brightness.");
    assertThat(described.value().labels())
        .containsExactlyInAnyOrder("landscape", "blue", "green", "medium brightness");
  }

  @Test
  void namesAPortraitDarkGreyscaleImageAndItsTransparency() throws IOException {
    ModelResult.Answered<AltText> described =
        describe(
            twoColours(300, 600, new Color(20, 20, 20), new Color(60, 60, 60), 0.7),
            1080,
            1920,
            true);

    assertThat(described.value().description())
        .startsWith("A portrait image of 1080 × 1920 pixels in shades of grey, dark")
        .endsWith("with transparent areas.");
    assertThat(described.value().labels())
        .contains("portrait", "greyscale", "dark", "transparency");
  }

  @Test
  void isAlwaysDoubtfulSoAHumanChecksIt() throws IOException {
    ModelResult.Answered<AltText> described =
        describe(twoColours(100, 100, Color.WHITE, Color.WHITE, 0.5), 100, 100, false);

    assertThat(described.doubtful()).isTrue();
    assertThat(described.doubt()).contains("No AI model");
    assertThat(described.value().labels()).contains("square", "white", "bright");
    assertThat(described.stats().provider()).isEqualTo("local");
  }

  @Test
  void givesTheSameAnswerForTheSameImage() throws IOException {
    byte[] jpeg = twoColours(400, 300, new Color(200, 60, 40), new Color(240, 200, 40), 0.4);

    assertThat(describe(jpeg, 400, 300, false).value())
        .isEqualTo(describe(jpeg, 400, 300, false).value());
  }

  @Test
  void failsPermanentlyWhenThePreparedImageDoesNotDecode() {
    ModelResult<AltText> result =
        client.describe(
            new VisionRequest(
                new byte[] {1, 2, 3}, new VisionRequest.OriginalImage(1, 1, false), "en"));

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> assertThat(failed.kind().code()).isEqualTo("permanent"));
  }
}
