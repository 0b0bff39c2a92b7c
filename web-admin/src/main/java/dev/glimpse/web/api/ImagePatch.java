package dev.glimpse.web.api;

import java.util.List;

/**
 * The body of {@code PATCH /api/v1/images/{id}}: a person's ALT text and labels; a field left out
 * keeps its value.
 */
public record ImagePatch(String altText, List<String> labels, String note) {

  /** Refuses a body that changes nothing. */
  ImagePatch validated() {
    if (altText == null && labels == null) {
      throw new IllegalArgumentException("send altText, labels or both");
    }
    if (altText != null && altText.isBlank()) {
      throw new IllegalArgumentException("altText must not be empty");
    }
    return this;
  }
}
