package dev.glimpse.gateway.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers that arrive as 200 OK but are not descriptions: refusals and "I cannot see the image".
 * The one list of such phrases.
 */
public final class SoftFailures {

  private static final List<String> PHRASES =
      List.of(
          "i'm sorry",
          "i am sorry",
          "i apologize",
          "i cannot see",
          "i can't see",
          "i can not see",
          "unable to see",
          "unable to view",
          "cannot view the image",
          "can't view the image",
          "no image was provided",
          "no image provided",
          "don't see an image",
          "do not see an image",
          "i cannot help with",
          "i can't help with",
          "i cannot assist",
          "i can't assist",
          "as an ai",
          "unable to view images",
          "unable to see images",
          "cannot view images",
          "can't view images",
          "upload it again",
          "upload the image again");

  private SoftFailures() {}

  /** The reason {@code text} is a refusal rather than a description, if it is one. */
  public static Optional<String> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    return PHRASES.stream()
        .filter(lower::contains)
        .findFirst()
        .map(phrase -> "the model did not do the task (it said \"" + phrase + "…\")");
  }
}
