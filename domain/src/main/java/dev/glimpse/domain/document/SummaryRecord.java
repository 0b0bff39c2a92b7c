package dev.glimpse.domain.document;

import java.util.List;

/**
 * A model's summary of a document, with what it was made from: the text's hash and the document
 * version it had, and the provider, model and prompt version.
 */
public record SummaryRecord(
    String text,
    List<String> keyPoints,
    String forSha256,
    long forVersion,
    String provider,
    String model,
    String promptVersion) {

  public SummaryRecord {
    keyPoints = List.copyOf(keyPoints);
  }
}
