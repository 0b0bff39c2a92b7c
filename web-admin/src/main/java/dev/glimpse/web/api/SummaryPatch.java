package dev.glimpse.web.api;

import java.util.List;

/** The body of {@code PATCH /api/v1/documents/{id}/summary}: a person's summary. */
public record SummaryPatch(String text, List<String> keyPoints, String note) {

  /** Refuses a body without text. */
  SummaryPatch validated() {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is required");
    }
    return this;
  }
}
