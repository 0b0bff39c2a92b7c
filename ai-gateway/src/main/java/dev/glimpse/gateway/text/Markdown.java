package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces Markdown to its text: headings, bullets, numbered items, quotes and rules lose their
 * marks, emphasis, code spans and links keep only their words, and the lines become one paragraph
 * in which every list item and heading ends as a sentence. A heading that only names the field ("##
 * Description") is dropped.
 */
final class Markdown {

  private static final Pattern FENCE_LINE = Pattern.compile("^\\s*(?:```|~~~).*$");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+•·▪◦‣]\\s+");

  /** A numbered item; "1. FC Köln" or "3. Liga" alone is no list, so it takes two to count. */
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,2}[.)]\\s+");

  /*
   * Inline patterns bound what they span and exclude their own opening mark from it, so that a
   * long run of marks (a model in a loop) costs linear time.
   */
  private static final Pattern IMAGE =
      Pattern.compile("!\\[([^\\[\\]]{0,300})\\]\\([^()\\s]{0,2000}\\)");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\[\\]]{1,300})\\]\\([^()]{0,2000}\\)");
  private static final Pattern REFERENCE_LINK =
      Pattern.compile("\\[([^\\[\\]]{1,300})\\]\\[[^\\[\\]]{0,100}\\]");
  private static final Pattern STRONG =
      Pattern.compile("(\\*\\*|__)(?=\\S)([^*_]{1,300}?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS_STAR =
      Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])([^*]{1,300}?)(?<=[^\\s*])\\*(?![\\w*])");
  private static final Pattern EMPHASIS_UNDERSCORE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_])_(?=[^\\s_])([^_]{1,300}?)(?<=[^\\s_])_(?![\\p{L}\\p{N}_])");
  private static final Pattern STRIKE = Pattern.compile("~~(?=[^\\s~])([^~]{1,300}?)(?<=\\S)~~");
  private static final Pattern CODE = Pattern.compile("(`{1,3})([^`]{1,300}?)\\1");

  private static final Set<String> FIELD_HEADINGS =
      Set.of(
          "description",
          "image description",
          "alt text",
          "alt-text",
          "caption",
          "summary",
          "key points",
          "labels",
          "tags");

  private Markdown() {}

  static String toText(String text, Set<Repair> repairs) {
    List<String> lines = new ArrayList<>();
    boolean changed = false;
    String[] raw = text.split("\n", -1);
    boolean numbered = Arrays.stream(raw).filter(line -> NUMBERED.matcher(line).find()).count() > 1;
    for (String line : raw) {
      String reduced = line(line, numbered);
      changed |= !reduced.equals(line);
      if (!reduced.isBlank()) {
        lines.add(reduced.strip());
      }
    }
    String joined = String.join(lines.size() > 1 ? "\n" : "", lines);
    String inline = inline(joined);
    if (changed || !inline.equals(joined)) {
      repairs.add(Repair.MARKDOWN_REMOVED);
    }
    return inline;
  }

  private static String line(String line, boolean numbered) {
    if (FENCE_LINE.matcher(line).matches() || isRule(line)) {
      return "";
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      String title = heading.group(1).strip();
      String key = title.replaceAll("[:*_]", "").strip().toLowerCase(Locale.ROOT);
      return FIELD_HEADINGS.contains(key) ? "" : Sentences.ended(title);
    }
    String unquoted = QUOTE.matcher(line).replaceFirst("");
    Matcher bullet = BULLET.matcher(unquoted);
    Matcher number = NUMBERED.matcher(unquoted);
    int itemEnd = bullet.find() ? bullet.end() : numbered && number.find() ? number.end() : -1;
    return itemEnd < 0 ? unquoted : Sentences.ended(unquoted.substring(itemEnd).strip());
  }

  /** A line of three or more of the same mark among {@code -*_}, spaces between them allowed. */
  private static boolean isRule(String line) {
    String marks = line.strip();
    if (marks.isEmpty() || "-*_".indexOf(marks.charAt(0)) < 0) {
      return false;
    }
    char mark = marks.charAt(0);
    int count = 0;
    for (int i = 0; i < marks.length(); i++) {
      char c = marks.charAt(i);
      if (c == mark) {
        count++;
      } else if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return count >= 3;
  }

  private static String inline(String text) {
    String reduced = IMAGE.matcher(text).replaceAll("$1");
    reduced = LINK.matcher(reduced).replaceAll("$1");
    reduced = REFERENCE_LINK.matcher(reduced).replaceAll("$1");
    reduced = STRONG.matcher(reduced).replaceAll("$2");
    reduced = EMPHASIS_STAR.matcher(reduced).replaceAll("$1");
    reduced = EMPHASIS_UNDERSCORE.matcher(reduced).replaceAll("$1");
    reduced = STRIKE.matcher(reduced).replaceAll("$1");
    return CODE.matcher(reduced).replaceAll("$2");
  }
}
