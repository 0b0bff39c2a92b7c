package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a model's text plain text, fit to be published as ALT text or a summary: invisible and
 * control characters (also those an entity such as {@code &#x202e;} stood for), HTML or XML and
 * Markdown go, whitespace becomes single spaces. What had to go is added to the repairs. The text
 * is not yet ended as a sentence: whether it was cut off is still to be judged.
 */
public final class PlainText {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

  private PlainText() {}

  /** The longest text read: anything longer is far over every limit and is cut here. */
  static final int MAX_LENGTH = 16 * 1024;

  public static String of(String raw, Set<Repair> repairs) {
    String visible = Characters.visibleOnly(Sentences.truncated(raw, MAX_LENGTH), repairs);
    String text = Characters.visibleOnly(Markup.toText(visible, repairs), repairs);
    text = Markup.withoutAngleBrackets(Markdown.toText(text, repairs), repairs);
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }
}
