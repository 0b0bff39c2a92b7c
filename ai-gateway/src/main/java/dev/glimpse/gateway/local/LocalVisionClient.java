package dev.glimpse.gateway.local;

import dev.glimpse.gateway.CallStats;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.ModelIdentity;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.VisionRequest;
import dev.glimpse.gateway.judge.Concern;
import dev.glimpse.gateway.prompt.AltText;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * The in-process provider: no network and no model. It measures the image — orientation, size,
 * dominant colours, brightness, transparency — and says so plainly. Deterministic, and always
 * doubtful, so its results wait for a human.
 */
@ApplicationScoped
public class LocalVisionClient {

  static final String PROVIDER = "local";
  static final String MODEL = "pixel-statistics";
  static final String PROMPT_VERSION = "local-measure-1";
  static final Concern DOUBT =
      new Concern(
          Concern.Code.LOCAL_PROVIDER,
          "No AI model is configured: this text was measured from the pixels, not written by a model.");

  /** What this provider is, for input hashes. */
  public ModelIdentity identity() {
    return new ModelIdentity(PROVIDER, MODEL, PROMPT_VERSION);
  }

  /** Measures the prepared image; deterministic, and always doubtful. */
  public ModelResult<AltText> describe(VisionRequest request) {
    long started = System.nanoTime();
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(request.jpeg()));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      return new ModelResult.Failed<>(
          FailureKind.PERMANENT, "the prepared image cannot be decoded", null, stats(started));
    }
    AltText altText = measure(request.original(), PixelStatistics.of(image));
    return new ModelResult.Answered<>(altText, PROMPT_VERSION, List.of(DOUBT), stats(started));
  }

  static AltText measure(VisionRequest.OriginalImage original, PixelStatistics pixels) {
    String orientation = orientation(original.width(), original.height());
    List<ColourName> colours = pixels.dominantColours(0.15);
    if (colours.isEmpty()) {
      colours = List.of(pixels.commonestColour());
    }
    String brightness = brightness(pixels.meanLuma());

    StringBuilder text = new StringBuilder();
    text.append(article(orientation))
        .append(' ')
        .append(orientation)
        .append(" image of ")
        .append(original.width())
        .append(" × ")
        .append(original.height())
        .append(" pixels");
    if (pixels.isGreyscale()) {
      text.append(" in shades of grey");
    } else {
      text.append(", mostly ").append(joined(colours));
    }
    text.append(", ")
        .append(brightness.equals("medium brightness") ? "of medium brightness" : brightness);
    if (original.transparent()) {
      text.append(", with transparent areas");
    }
    text.append('.');

    List<String> labels = new ArrayList<>();
    labels.add(orientation);
    if (pixels.isGreyscale()) {
      labels.add("greyscale");
    }
    colours.forEach(colour -> labels.add(colour.label()));
    labels.add(brightness);
    if (original.transparent()) {
      labels.add("transparency");
    }
    return new AltText(text.toString(), labels.stream().distinct().collect(Collectors.toList()));
  }

  static String orientation(int width, int height) {
    double ratio = (double) width / height;
    if (ratio > 1.1) {
      return "landscape";
    }
    return ratio < 0.9 ? "portrait" : "square";
  }

  static String brightness(double meanLuma) {
    if (meanLuma < 0.3) {
      return "dark";
    }
    return meanLuma > 0.7 ? "bright" : "medium brightness";
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "An" : "A";
  }

  private static String joined(List<ColourName> colours) {
    List<String> names = colours.stream().map(ColourName::label).collect(Collectors.toList());
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static CallStats stats(long started) {
    return CallStats.offline(PROVIDER, MODEL, (System.nanoTime() - started) / 1_000_000);
  }
}
