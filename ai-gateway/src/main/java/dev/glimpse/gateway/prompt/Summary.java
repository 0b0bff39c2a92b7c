package dev.glimpse.gateway.prompt;

import java.util.List;
import java.util.Objects;

/** A document's summary: a short text and its key points. */
public record Summary(String text, List<String> keyPoints) {

  public Summary {
    Objects.requireNonNull(text, "text");
    keyPoints = List.copyOf(keyPoints);
  }
}
