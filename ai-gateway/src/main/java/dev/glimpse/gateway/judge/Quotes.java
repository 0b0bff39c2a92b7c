package dev.glimpse.gateway.judge;

import java.util.regex.Pattern;

/**
 * Quoted passages of a text: a description that quotes the words visible in an image, even "ignore
 * previous instructions" on a poster, says what it sees and is fine.
 */
final class Quotes {

  private static final Pattern QUOTED =
      Pattern.compile(
          "\"[^\"]*\"|“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|»[^«»]*«|「[^「」]*」"
              + "|(?<![\\p{L}\\p{N}])['‘][^'‘’]+['’](?![\\p{L}\\p{N}])");

  private Quotes() {}

  /** {@code text} with every quoted passage blanked out. */
  static String outside(String text) {
    return QUOTED.matcher(text).replaceAll(" … ");
  }
}
