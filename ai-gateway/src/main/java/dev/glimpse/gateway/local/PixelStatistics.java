package dev.glimpse.gateway.local;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What can be measured from an image's pixels without a model: the share of each named colour and
 * the mean brightness. Samples a grid of at most about {@value #MAX_SAMPLES} pixels.
 */
record PixelStatistics(Map<ColourName, Double> colourShares, double meanLuma) {

  static final int MAX_SAMPLES = 40_000;

  static PixelStatistics of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / MAX_SAMPLES)));
    Map<ColourName, Integer> counts = new EnumMap<>(ColourName.class);
    double lumaSum = 0;
    int samples = 0;
    for (int y = 0; y < height; y += step) {
      for (int x = 0; x < width; x += step) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        counts.merge(ColourName.of(rgb), 1, Integer::sum);
        lumaSum +=
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        samples++;
      }
    }
    int total = samples;
    Map<ColourName, Double> shares = new EnumMap<>(ColourName.class);
    counts.forEach((colour, count) -> shares.put(colour, count / (double) total));
    return new PixelStatistics(shares, lumaSum / total / 255.0);
  }

  /**
   * The colours that cover at least {@code minShare} of the image, commonest first, at most three.
   */
  List<ColourName> dominantColours(double minShare) {
    return colourShares.entrySet().stream()
        .filter(entry -> entry.getValue() >= minShare)
        .sorted(Map.Entry.<ColourName, Double>comparingByValue().reversed())
        .limit(3)
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /** The commonest colour, whatever its share. */
  ColourName commonestColour() {
    return colourShares.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(ColourName.GREY);
  }

  /** Whether almost every pixel is black, grey or white. */
  boolean isGreyscale() {
    double neutral =
        colourShares.getOrDefault(ColourName.BLACK, 0.0)
            + colourShares.getOrDefault(ColourName.GREY, 0.0)
            + colourShares.getOrDefault(ColourName.WHITE, 0.0);
    return neutral > 0.97;
  }
}
