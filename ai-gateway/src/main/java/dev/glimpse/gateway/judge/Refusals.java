package dev.glimpse.gateway.judge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers that arrive as 200 OK but are not results: refusals and "I cannot see the image", in the
 * languages Glimpse describes in. The one list of such phrases, matched as whole words.
 */
public final class Refusals {

  /** A model speaking of itself: a refusal wherever it stands, outside quotation marks. */
  private static final List<String> FIRST_PERSON =
      List.of(
          "i'm sorry",
          "i am sorry",
          "i apologize",
          "i apologise",
          "i cannot see",
          "i can't see",
          "i can not see",
          "i cannot describe",
          "i can't describe",
          "i'm unable to",
          "i am unable to",
          "i'm not able to",
          "i am not able to",
          "i cannot help with",
          "i can't help with",
          "i cannot assist",
          "i can't assist",
          "i cannot provide",
          "i can't provide",
          "i cannot process",
          "i can't process",
          "i cannot identify",
          "i can't identify",
          "i won't be able",
          "i don't have the ability",
          "i do not have the ability",
          "as an ai language model",
          "as an ai model",
          "as an ai assistant",
          "as an ai,",
          "as a language model",
          "ich kann das bild nicht",
          "ich kann dieses bild nicht",
          "no puedo ver",
          "no puedo describir",
          "je ne peux pas voir",
          "je ne peux pas décrire",
          "non posso vedere",
          "non posso descrivere",
          "ik kan de afbeelding niet",
          "não consigo ver",
          "não consigo descrever");

  /**
   * Words that are a refusal only when the answer or field opens with them: a sign may say "Lo
   * siento", a report that drivers are "unable to see".
   */
  private static final List<String> OPENINGS =
      List.of(
          "sorry, i can't",
          "sorry, i cannot",
          "unable to see",
          "unable to view",
          "cannot view the image",
          "can't view the image",
          "cannot view images",
          "can't view images",
          "no image was provided",
          "no image provided",
          "no image attached",
          "there is no image",
          "es tut mir leid",
          "entschuldigung, ich kann",
          "lo siento",
          "je suis désolé",
          "désolé, je ne peux pas",
          "mi dispiace",
          "het spijt me",
          "desculpe");

  private static final Pattern FIRST_PERSON_PATTERN = words(FIRST_PERSON, "");
  private static final Pattern OPENINGS_PATTERN = words(OPENINGS, "^\\W*");

  private Refusals() {}

  /** The reason {@code text} is a refusal rather than a result, if it is one. */
  public static Optional<String> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String unified = text.replace('’', '\'');
    for (Pattern refusal : List.of(FIRST_PERSON_PATTERN, OPENINGS_PATTERN)) {
      Matcher matcher = refusal.matcher(unified);
      if (matcher.find()) {
        return Optional.of(
            "The model did not do the task (it said “" + matcher.group(1).strip() + "…”).");
      }
    }
    return Optional.empty();
  }

  /**
   * The reason a field of a result is a refusal, if it is one; quoted passages do not count, since
   * a description may quote a sign that says "I'm sorry, we're closed".
   */
  public static Optional<String> inField(String text) {
    return text == null ? Optional.empty() : detect(Quotes.outside(text));
  }

  private static Pattern words(List<String> phrases, String anchor) {
    StringBuilder alternatives = new StringBuilder();
    for (String phrase : phrases) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(phrase));
    }
    return Pattern.compile(
        anchor + "(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
