package dev.glimpse.web.api;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The filename of a multipart part, read from the {@code filename} parameter of its {@code
 * Content-Disposition} as RFC 7578 sends it: a quoted string taken as it is. The multipart parser's
 * own reading takes a name with two apostrophes for RFC 2231's {@code charset'language'value} and
 * keeps only what follows the second ("Mary's and John's.png" becomes "s.png"); it is used only for
 * a part that has no plain {@code filename} parameter, such as one with {@code filename*}.
 */
final class PartFilename {

  private static final String PARAMETER = "filename";

  private PartFilename() {}

  /** The filename {@code part} was sent with, if any. */
  static Optional<String> of(EntityPart part) {
    return parameter(part.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .or(part::getFileName);
  }

  /** The value of the plain {@code filename} parameter of a {@code Content-Disposition} value. */
  static Optional<String> parameter(String disposition) {
    if (disposition == null) {
      return Optional.empty();
    }
    int at = disposition.indexOf(';');
    while (at >= 0 && at < disposition.length()) {
      int equals = disposition.indexOf('=', at + 1);
      if (equals < 0) {
        return Optional.empty();
      }
      String name = disposition.substring(at + 1, equals).strip();
      StringBuilder value = new StringBuilder();
      int end = value(disposition, equals + 1, value);
      if (name.equalsIgnoreCase(PARAMETER)) {
        return Optional.of(value.toString());
      }
      at = end;
    }
    return Optional.empty();
  }

  /**
   * Reads the value starting at {@code from} into {@code value}, a quoted string with its escapes
   * undone or a token, and returns the index of the ';' after it (or the end).
   */
  private static int value(String text, int from, StringBuilder value) {
    int i = from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '"') {
      for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        value.append(text.charAt(i));
      }
      int next = text.indexOf(';', i);
      return next < 0 ? text.length() : next;
    }
    int next = text.indexOf(';', i);
    int end = next < 0 ? text.length() : next;
    value.append(text.substring(i, end).strip());
    return end;
  }
}
