package dev.glimpse.gateway.text;

import java.util.regex.Pattern;

/** Where a text ends: as a sentence, or cut off. */
public final class Sentences {

  private static final String TERMINAL = ".!?…。！？";
  private static final String CLOSING = "\"'”’»)]」";
  private static final Pattern DANGLING = Pattern.compile("[\\s,;:\\-–—(\\[]+$");

  private Sentences() {}

  /** Whether {@code text} ends with a sentence's closing punctuation, perhaps inside a quote. */
  public static boolean ended(CharSequence text) {
    int end = text.length() - 1;
    while (end >= 0 && CLOSING.indexOf(text.charAt(end)) >= 0) {
      end--;
    }
    return end >= 0 && TERMINAL.indexOf(text.charAt(end)) >= 0;
  }

  /** {@code text} ending as a sentence: a full stop replaces a dangling comma, colon or dash. */
  public static String ended(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() || ended((CharSequence) stripped)) {
      return stripped;
    }
    String trimmed = DANGLING.matcher(stripped).replaceFirst("");
    return trimmed.isEmpty() ? stripped : trimmed + ".";
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
