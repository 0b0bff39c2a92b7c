package dev.glimpse.gateway.prompt;

import java.util.Objects;

/**
 * What the caller expects of an answer, for the rules that read and judge it.
 *
 * @param language BCP 47 tag of the language asked for
 * @param subject the item's own name (an image's file name, a document's title), or null: a
 *     description that only repeats it helps nobody
 * @param softLimit the length a reader should not have to go beyond, or 0 for none
 */
public record Expectation(String language, String subject, int softLimit) {

  public Expectation {
    Objects.requireNonNull(language, "language");
  }

  /** An answer in {@code language}, with no name to compare and no length limit. */
  public static Expectation in(String language) {
    return new Expectation(language, null, 0);
  }
}
