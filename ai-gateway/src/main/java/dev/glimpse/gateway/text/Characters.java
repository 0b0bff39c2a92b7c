package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what a reader cannot see but a screen reader or a browser may act on: control characters,
 * zero-width characters and bidirectional overrides. Line breaks survive, for the Markdown step
 * that reads lines.
 */
final class Characters {

  /** Control characters that separate like whitespace: each becomes a space. */
  private static final Pattern SEPARATING =
      Pattern.compile("[\\u000B\\u000C\\u001C-\\u001F\\u0085]");

  /** The other control characters but tab and line feed: each is removed. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  /** Format characters: zero-width spaces and joiners, bidi overrides and isolates, BOM. */
  private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

  private Characters() {}

  static String visibleOnly(String text, Set<Repair> repairs) {
    String lines =
        text.replace("\r\n", "\n")
            .replace('\r', '\n')
            .replace('\u2028', '\n')
            .replace('\u2029', '\n');
    String separated = SEPARATING.matcher(lines).replaceAll(" ");
    String withoutControl = CONTROL.matcher(separated).replaceAll("");
    String visible = FORMAT.matcher(withoutControl).replaceAll("");
    if (!visible.equals(lines)) {
      repairs.add(Repair.CHARACTERS_REMOVED);
    }
    return visible;
  }
}
