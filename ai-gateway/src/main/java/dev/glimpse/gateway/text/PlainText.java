package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a model's text plain text, fit to be published as ALT text or a summary: invisible and
 * control characters, HTML or XML and Markdown go, whitespace becomes single spaces. What had to go
 * is added to the repairs. The text is not yet ended as a sentence: whether it was cut off is still
 * to be judged.
 */
public final class PlainText {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

  private PlainText() {}

  public static String of(String raw, Set<Repair> repairs) {
    String visible = Characters.visibleOnly(raw, repairs);
    String text = Markup.toText(visible, repairs);
    text = Markdown.toText(text, repairs);
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }
}
