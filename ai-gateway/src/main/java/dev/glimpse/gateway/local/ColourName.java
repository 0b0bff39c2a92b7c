package dev.glimpse.gateway.local;

/** Plain colour names for pixels, by hue, saturation and brightness. */
enum ColourName {
  BLACK,
  GREY,
  WHITE,
  RED,
  ORANGE,
  BROWN,
  YELLOW,
  GREEN,
  TEAL,
  BLUE,
  PURPLE,
  PINK;

  /** The name of the colour {@code rgb} (0xRRGGBB). */
  static ColourName of(int rgb) {
    float[] hsb = java.awt.Color.RGBtoHSB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, null);
    float hue = hsb[0] * 360;
    float saturation = hsb[1];
    float brightness = hsb[2];
    if (brightness < 0.16f) {
      return BLACK;
    }
    if (saturation < 0.18f) {
      return brightness > 0.86f ? WHITE : GREY;
    }
    if (hue < 15 || hue >= 345) {
      return brightness < 0.45f ? BROWN : RED;
    }
    if (hue < 45) {
      return brightness < 0.65f ? BROWN : ORANGE;
    }
    if (hue < 70) {
      return brightness < 0.5f ? BROWN : YELLOW;
    }
    if (hue < 165) {
      return GREEN;
    }
    if (hue < 195) {
      return TEAL;
    }
    if (hue < 260) {
      return BLUE;
    }
    if (hue < 295) {
      return PURPLE;
    }
    return PINK;
  }

  /** The name as written in a description or a label. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
