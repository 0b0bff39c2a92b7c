package dev.glimpse.web.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What changed between two versions of a text, line by line, for a person to read. */
public final class TextChanges {

  private TextChanges() {}

  /** One changed line: removed from the earlier version, or added in the later one. */
  public record Line(boolean added, int number, String text) implements Serializable {

    public boolean isAdded() {
      return added;
    }

    public int getNumber() {
      return number;
    }

    public String getText() {
      return text;
    }
  }

  /** The lines removed from {@code before} and added in {@code after}, in reading order. */
  public static List<Line> between(String before, String after) {
    Patch<String> patch = DiffUtils.diff(before.lines().toList(), after.lines().toList());
    List<Line> lines = new ArrayList<>();
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int removedAt = delta.getSource().getPosition();
      for (String line : delta.getSource().getLines()) {
        lines.add(new Line(false, ++removedAt, line));
      }
      int addedAt = delta.getTarget().getPosition();
      for (String line : delta.getTarget().getLines()) {
        lines.add(new Line(true, ++addedAt, line));
      }
    }
    return lines;
  }
}
