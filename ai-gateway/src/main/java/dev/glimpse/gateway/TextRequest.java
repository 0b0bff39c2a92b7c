package dev.glimpse.gateway;

import dev.glimpse.gateway.prompt.Expectation;
import java.util.Objects;

/**
 * A text to summarise.
 *
 * @param language BCP 47 tag of the language the summary must be in
 * @param softLimit the summary length a reader should not have to go beyond, or 0 for none
 */
public record TextRequest(String title, String text, String language, int softLimit) {

  public TextRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }

  /** A request with no length limit. */
  public TextRequest(String title, String text, String language) {
    this(title, text, language, 0);
  }

  /** What the answer to this request is judged against. */
  public Expectation expectation() {
    return new Expectation(language, null, softLimit);
  }
}
