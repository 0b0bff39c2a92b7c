package dev.glimpse.gateway;

import java.util.Objects;

/**
 * A text to summarise.
 *
 * @param language BCP 47 tag of the language the summary must be in
 */
public record TextRequest(String title, String text, String language) {

  public TextRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }
}
