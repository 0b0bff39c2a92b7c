package dev.glimpse.domain.support;

/** Small helpers for the bounded text columns of the schema. */
public final class Texts {

  private Texts() {}

  /**
   * {@code text} cut to at most {@code max} characters, marked with an ellipsis when cut; a
   * character made of two UTF-16 units is never cut in half.
   */
  public static String bounded(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** Whether {@code text} is null or only whitespace. */
  public static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
