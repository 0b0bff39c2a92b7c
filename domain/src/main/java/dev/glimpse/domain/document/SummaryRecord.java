package dev.glimpse.domain.document;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model's summary of a document, with what it was made from (the text's hash and the document
 * version it had, the provider, model and prompt version) and what making it cost.
 *
 * @param costUsd the estimated cost, or null for an unpriced model
 */
public record SummaryRecord(
    String text,
    List<String> keyPoints,
    String forSha256,
    long forVersion,
    String provider,
    String model,
    String promptVersion,
    int tokensIn,
    int tokensOut,
    BigDecimal costUsd,
    long generationMillis) {

  public SummaryRecord {
    keyPoints = List.copyOf(keyPoints);
  }
}
