package dev.glimpse.domain.task;

import java.util.regex.Pattern;

/**
 * A failure reason with its particulars (ids, numbers, quoted names) blanked out, so that failures
 * of one cause group together: "Ollama answered 503: server busy" for every busy server.
 */
final class ReasonKey {

  static final int LENGTH = 200;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]{0,80}\"|'[^']{0,80}'");
  private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z])\\d+(?:[.,]\\d+)*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private ReasonKey() {}

  static String of(String reason) {
    if (reason == null) {
      return null;
    }
    String key = UUID.matcher(reason).replaceAll("…");
    key = QUOTED.matcher(key).replaceAll("\"…\"");
    key = NUMBER.matcher(key).replaceAll("#");
    key = SPACE.matcher(key).replaceAll(" ").strip();
    return key.length() > LENGTH ? key.substring(0, LENGTH) : key;
  }
}
