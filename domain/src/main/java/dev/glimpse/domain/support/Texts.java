package dev.glimpse.domain.support;

/** Small helpers for the bounded text columns of the schema. */
public final class Texts {

  private Texts() {}

  /** {@code text} cut to at most {@code max} characters, marked with an ellipsis when cut. */
  public static String bounded(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }

  /** Whether {@code text} is null or only whitespace. */
  public static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
