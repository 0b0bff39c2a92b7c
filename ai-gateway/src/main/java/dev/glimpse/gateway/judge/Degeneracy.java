package dev.glimpse.gateway.judge;

import dev.glimpse.gateway.text.Languages;
import dev.glimpse.gateway.text.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output a model produces when generation goes wrong: the same word or phrase over and over, a text
 * that stops mid-sentence, or one that is mostly not words.
 */
final class Degeneracy {

  /** A word repeated this many times in a row is a loop ("ha ha ha ha" is a laugh). */
  static final int WORD_RUN = 6;

  /** A phrase of two to eight words repeated this many times in a row is a loop. */
  static final int PHRASE_RUN = 3;

  /** Among this many words or more, so few different ones is a loop. */
  static final int MIN_WORDS_FOR_VARIETY = 20;

  static final double MIN_VARIETY = 0.25;

  /**
   * Below this share of letters among the visible characters, a text is not words; a chart's
   * figures with their labels stay above it.
   */
  static final double MIN_LETTERS = 0.3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final Pattern NUMBER = Pattern.compile("\\p{N}+");

  private static final Set<String> ENGLISH_ENDINGS =
      Set.of(
          "a", "an", "the", "of", "to", "in", "on", "at", "with", "and", "or", "but", "for", "from",
          "by", "as", "is", "are", "was", "were", "its", "their", "his", "her", "which", "that",
          "where", "while", "into", "onto", "over", "under", "between", "near", "behind");

  private static final Map<String, Set<String>> ENDINGS =
      Map.of(
          "de",
          Set.of(
              "der", "die", "das", "ein", "eine", "einen", "und", "oder", "mit", "von", "zu", "im",
              "auf", "an", "in", "des", "dem", "den"),
          "fr",
          Set.of(
              "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "avec", "dans", "sur",
              "au", "aux"),
          "es",
          Set.of(
              "el", "la", "los", "las", "un", "una", "de", "del", "y", "o", "con", "en", "sobre",
              "al"),
          "it",
          Set.of(
              "il", "lo", "la", "gli", "le", "un", "una", "di", "del", "e", "o", "con", "in", "su"),
          "nl",
          Set.of("de", "het", "een", "van", "en", "of", "met", "in", "op", "aan"),
          "pt",
          Set.of(
              "o", "a", "os", "as", "um", "uma", "de", "do", "da", "e", "ou", "com", "em", "no",
              "na"));

  private Degeneracy() {}

  /** The word or phrase {@code text} repeats in a loop, if it does; numbers do not count. */
  static Optional<String> repeated(String text) {
    List<String> words =
        words(text).stream().filter(word -> !NUMBER.matcher(word).matches()).toList();
    for (int length = 1; length <= 8; length++) {
      int needed = length == 1 ? WORD_RUN : PHRASE_RUN;
      for (int start = 0; start + length * needed <= words.size(); start++) {
        if (runs(words, start, length, needed)) {
          return Optional.of(String.join(" ", words.subList(start, start + length)));
        }
      }
    }
    if (words.size() >= MIN_WORDS_FOR_VARIETY
        && new HashSet<>(words).size() < words.size() * MIN_VARIETY) {
      return Optional.of(mostCommon(words));
    }
    return Optional.empty();
  }

  /** The last words of {@code text}, if it stops mid-sentence. */
  static Optional<String> cutOff(String text, String language) {
    String stripped = text.strip();
    if (stripped.isEmpty() || Sentences.isEnded(stripped)) {
      return Optional.empty();
    }
    List<String> words = words(stripped);
    String last = words.isEmpty() ? "" : words.get(words.size() - 1);
    char end = stripped.charAt(stripped.length() - 1);
    boolean dangling = Sentences.dangling(end);
    boolean openQuote =
        count(stripped, '"') % 2 == 1 || count(stripped, '(') > count(stripped, ')');
    boolean endsOnLinkWord =
        ENGLISH_ENDINGS.contains(last)
            || ENDINGS.getOrDefault(Languages.primary(language), Set.of()).contains(last);
    if (!dangling && !openQuote && !endsOnLinkWord) {
      return Optional.empty();
    }
    int from = Math.max(0, stripped.length() - 30);
    return Optional.of(stripped.substring(from));
  }

  /** Whether {@code text} is mostly not letters: digits, symbols, punctuation. */
  static boolean notWords(String text) {
    int visible = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!Character.isWhitespace(codePoint)) {
        visible++;
        if (Character.isLetter(codePoint)) {
          letters++;
        }
      }
      i += Character.charCount(codePoint);
    }
    return visible > 0 && letters < visible * MIN_LETTERS;
  }

  private static boolean runs(List<String> words, int start, int length, int needed) {
    for (int copy = 1; copy < needed; copy++) {
      for (int i = 0; i < length; i++) {
        if (!words.get(start + i).equals(words.get(start + copy * length + i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  private static String mostCommon(List<String> words) {
    Map<String, Integer> counts = new HashMap<>();
    words.forEach(word -> counts.merge(word, 1, Integer::sum));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }
}
