package dev.glimpse.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into chunks of at most a given size for map-reduce summaries: whole paragraphs
 * where they fit, a long paragraph cut at a space.
 */
final class TextChunks {

  private TextChunks() {}

  static List<String> split(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("the chunk size must be positive");
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String trimmed = paragraph.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      for (String piece : pieces(trimmed, maxChars)) {
        if (current.length() > 0 && current.length() + 2 + piece.length() > maxChars) {
          chunks.add(current.toString());
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append("\n\n");
        }
        current.append(piece);
      }
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /** A paragraph in pieces of at most {@code maxChars}, cut at the last space before the limit. */
  private static List<String> pieces(String paragraph, int maxChars) {
    List<String> pieces = new ArrayList<>();
    String rest = paragraph;
    while (rest.length() > maxChars) {
      int cut = rest.lastIndexOf(' ', maxChars);
      if (cut <= 0) {
        cut = maxChars;
      }
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }
}
