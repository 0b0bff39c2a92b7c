package dev.glimpse.web.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two versions of a short text side by side, word by word: the words only the earlier one has, and
 * those only the later one has, marked, for a person to compare them at a glance.
 *
 * @param before the earlier text in pieces, the words removed from it marked
 * @param after the later text in pieces, the words added in it marked
 */
public record WordChanges(List<Piece> before, List<Piece> after) implements Serializable {

  /** Words and the spaces between them, each a token of its own. */
  private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");

  /** A run of text, changed or the same in both versions. */
  public record Piece(String text, boolean changed) implements Serializable {}

  /** What changed between {@code earlier} and {@code later}, word by word. */
  public static WordChanges between(String earlier, String later) {
    List<String> from = tokens(earlier);
    List<String> to = tokens(later);
    Patch<String> patch = DiffUtils.diff(from, to);
    boolean[] removed = new boolean[from.size()];
    boolean[] added = new boolean[to.size()];
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      mark(removed, delta.getSource().getPosition(), delta.getSource().size());
      mark(added, delta.getTarget().getPosition(), delta.getTarget().size());
    }
    return new WordChanges(pieces(from, removed), pieces(to, added));
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKENS.matcher(text == null ? "" : text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }

  private static void mark(boolean[] changed, int from, int count) {
    for (int i = from; i < from + count; i++) {
      changed[i] = true;
    }
  }

  /**
   * Joins neighbouring tokens that are changed alike. A space is changed only between two changed
   * words, so that a marked run holds words, not the spaces around them.
   */
  private static List<Piece> pieces(List<String> tokens, boolean[] changed) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean runChanged = false;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean isChanged =
          token.isBlank()
              ? i > 0 && i + 1 < tokens.size() && changed[i - 1] && changed[i + 1]
              : changed[i];
      if (run.length() > 0 && isChanged != runChanged) {
        pieces.add(new Piece(run.toString(), runChanged));
        run.setLength(0);
      }
      run.append(token);
      runChanged = isChanged;
    }
    if (run.length() > 0) {
      pieces.add(new Piece(run.toString(), runChanged));
    }
    return pieces;
  }
}
