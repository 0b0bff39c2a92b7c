package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.ArrayList;
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
  private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(?:\\s*\\1){2,}\\s*$");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
  private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+•·▪◦‣]|\\d{1,2}[.)])\\s+");

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS_STAR =
      Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])");
  private static final Pattern EMPHASIS_UNDERSCORE =
      Pattern.compile("(?<![\\p{L}\\p{N}_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\p{L}\\p{N}_])");
  private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
  private static final Pattern CODE = Pattern.compile("`+([^`]+?)`+");

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
    for (String line : text.split("\n", -1)) {
      String reduced = line(line);
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

  private static String line(String line) {
    if (FENCE_LINE.matcher(line).matches() || RULE.matcher(line).matches()) {
      return "";
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      String title = heading.group(1).strip();
      String key = title.replaceAll("[:*_]", "").strip().toLowerCase(Locale.ROOT);
      return FIELD_HEADINGS.contains(key) ? "" : Sentences.ended(title);
    }
    String unquoted = QUOTE.matcher(line).replaceFirst("");
    Matcher item = ITEM.matcher(unquoted);
    if (item.find()) {
      return Sentences.ended(unquoted.substring(item.end()).strip());
    }
    return unquoted;
  }

  private static String inline(String text) {
    String reduced = IMAGE.matcher(text).replaceAll("$1");
    reduced = LINK.matcher(reduced).replaceAll("$1");
    reduced = REFERENCE_LINK.matcher(reduced).replaceAll("$1");
    reduced = STRONG.matcher(reduced).replaceAll("$2");
    reduced = EMPHASIS_STAR.matcher(reduced).replaceAll("$1");
    reduced = EMPHASIS_UNDERSCORE.matcher(reduced).replaceAll("$1");
    reduced = STRIKE.matcher(reduced).replaceAll("$1");
    return CODE.matcher(reduced).replaceAll("$1");
  }
}
