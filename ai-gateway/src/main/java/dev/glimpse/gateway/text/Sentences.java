package dev.glimpse.gateway.text;

/** Where a text ends: as a sentence, or cut off. */
public final class Sentences {

  private static final String TERMINAL = ".!?…。！？।؟۔።";
  private static final String CLOSING = "\"'”’»)]」";

  /** Characters a sentence does not end on: a text that does was cut off or trails away. */
  private static final String DANGLING = ",;:-–—([";

  private Sentences() {}

  /** Whether {@code text} ends with a sentence's closing punctuation, perhaps inside a quote. */
  public static boolean isEnded(String text) {
    int end = text.length() - 1;
    while (end >= 0 && CLOSING.indexOf(text.charAt(end)) >= 0) {
      end--;
    }
    return end >= 0 && TERMINAL.indexOf(text.charAt(end)) >= 0;
  }

  /** Whether {@code c} is a character a sentence does not end on: a comma, colon, dash, bracket. */
  public static boolean dangling(char c) {
    return DANGLING.indexOf(c) >= 0;
  }

  /** {@code text} ending as a sentence: a full stop replaces a dangling comma, colon or dash. */
  public static String ended(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() || isEnded(stripped)) {
      return stripped;
    }
    int end = stripped.length();
    while (end > 0
        && (dangling(stripped.charAt(end - 1))
            || Character.isWhitespace(stripped.charAt(end - 1)))) {
      end--;
    }
    return (end == 0 ? stripped : stripped.substring(0, end)) + ".";
  }

  /**
   * The first {@code max} characters of {@code text} at most, never cutting a character made of two
   * UTF-16 units in half.
   */
  public static String truncated(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** {@code text} without a closing full stop: for labels, which are not sentences. */
  public static String unended(String text) {
    String stripped = text.strip();
    while (stripped.endsWith(".") && !stripped.endsWith("..")) {
      stripped = stripped.substring(0, stripped.length() - 1).strip();
    }
    return stripped;
  }
}
