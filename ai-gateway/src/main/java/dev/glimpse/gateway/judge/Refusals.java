package dev.glimpse.gateway.judge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers that arrive as 200 OK but are not results: refusals and "I cannot see the image", in the
 * languages Glimpse describes in. The one list of such phrases.
 */
public final class Refusals {

  private static final List<String> PHRASES =
      List.of(
          "i'm sorry",
          "i am sorry",
          "i apologize",
          "i apologise",
          "i cannot see",
          "i can't see",
          "i can not see",
          "unable to see",
          "unable to view",
          "cannot view the image",
          "can't view the image",
          "no image was provided",
          "no image provided",
          "no image attached",
          "don't see an image",
          "do not see an image",
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
          "i won't be able",
          "i don't have the ability",
          "i do not have the ability",
          "as an ai",
          "as a language model",
          "cannot view images",
          "can't view images",
          "upload it again",
          "upload the image again",
          "es tut mir leid",
          "ich kann das bild nicht",
          "lo siento",
          "no puedo ver",
          "je suis désolé",
          "je ne peux pas voir",
          "mi dispiace",
          "non posso vedere",
          "het spijt me",
          "ik kan de afbeelding niet",
          "desculpe",
          "não consigo ver");

  private Refusals() {}

  /** The reason {@code text} is a refusal rather than a result, if it is one. */
  public static Optional<String> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String unified = text.replace('’', '\'');
    String lower = unified.toLowerCase(Locale.ROOT);
    for (String phrase : PHRASES) {
      int at = lower.indexOf(phrase);
      if (at >= 0 && lower.length() == unified.length()) {
        return Optional.of(
            "The model did not do the task (it said “"
                + unified.substring(at, at + phrase.length())
                + "…”)");
      }
      if (at >= 0) {
        return Optional.of("The model did not do the task (it said “" + phrase + "…”)");
      }
    }
    return Optional.empty();
  }

  /**
   * The reason a field of a result is a refusal, if it is one; quoted passages do not count, since
   * a description may quote a sign that says "Sorry, we're closed".
   */
  public static Optional<String> inField(String text) {
    return text == null ? Optional.empty() : detect(Quotes.outside(text));
  }
}
