package dev.glimpse.domain.review;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the language of a text from its most common short words, for the languages whose words
 * are listed. It answers only when the text shows enough of them and one language clearly leads;
 * otherwise (fewer than three hits, or a runner-up within two thirds of the leader) it does not
 * guess.
 */
final class LanguageGuess {

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final int ENOUGH = 3;

  private static final Map<String, Set<String>> COMMON_WORDS =
      Map.of(
          "en",
          Set.of(
              "the", "and", "with", "of", "a", "an", "is", "are", "in", "on", "at", "its", "to",
              "from", "by", "this", "that", "it", "his", "her", "their"),
          "de",
          Set.of(
              "der", "die", "das", "und", "mit", "ein", "eine", "einem", "einer", "ist", "sind",
              "auf", "im", "dem", "den", "des", "von", "zu", "sich"),
          "fr",
          Set.of(
              "le", "la", "les", "et", "avec", "un", "une", "des", "est", "sont", "sur", "dans",
              "du", "au", "aux", "qui", "par", "sa", "son", "ses"),
          "es",
          Set.of(
              "el", "la", "los", "las", "y", "con", "un", "una", "es", "son", "sobre", "en", "del",
              "al", "que", "por", "su", "sus"),
          "it",
          Set.of(
              "il", "lo", "la", "gli", "le", "e", "con", "un", "una", "è", "sono", "su", "nel",
              "della", "del", "che", "per", "suo", "sua"),
          "nl",
          Set.of(
              "de", "het", "een", "en", "met", "is", "zijn", "op", "van", "in", "die", "dat",
              "voor", "aan", "bij"),
          "pt",
          Set.of(
              "o", "a", "os", "as", "e", "com", "um", "uma", "é", "são", "sobre", "em", "do", "da",
              "no", "na", "que", "por", "seu", "sua"));

  private LanguageGuess() {}

  /** The language the text is most likely in, as a primary language subtag, if it is clear. */
  static Optional<String> of(String text) {
    Map<String, Integer> hits = new HashMap<>();
    var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group();
      COMMON_WORDS.forEach(
          (language, common) -> {
            if (common.contains(word)) {
              hits.merge(language, 1, Integer::sum);
            }
          });
    }
    String best = null;
    int first = 0;
    int second = 0;
    for (var entry : hits.entrySet()) {
      if (entry.getValue() > first) {
        second = first;
        first = entry.getValue();
        best = entry.getKey();
      } else if (entry.getValue() > second) {
        second = entry.getValue();
      }
    }
    return first >= ENOUGH && 2 * first >= 3 * second ? Optional.of(best) : Optional.empty();
  }
}
