package dev.glimpse.gateway.prompt;

import java.util.List;
import java.util.Objects;

/** ALT text for an image: a screen-reader-grade description and classification labels. */
public record AltText(String description, List<String> labels) {

  public AltText {
    Objects.requireNonNull(description, "description");
    labels = List.copyOf(labels);
  }
}
