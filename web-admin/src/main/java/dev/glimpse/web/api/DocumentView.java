package dev.glimpse.web.api;

import java.time.Instant;
import java.util.List;

/** A document as the API shows it, with its summary. */
public record DocumentView(
    String id,
    String title,
    long version,
    String language,
    SummaryView summary,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The document's summary: {@code text} null while none exists; {@code fresh} false when it was
   * made from an earlier version; {@code status} that of the task making the next one.
   */
  public record SummaryView(
      String text,
      List<String> keyPoints,
      String status,
      boolean fresh,
      Long forVersion,
      String promptVersion,
      String provider,
      String model,
      Instant generatedAt,
      Review review) {}

  /**
   * How a person judged the summary.
   *
   * @param pending whether a result waits for a person (a proposal beside the summary, a refusal,
   *     or any result in review mode); it is not served until someone approves it
   * @param flags why the waiting result needs a look, each with its code and what was found
   */
  public record Review(
      String state, String by, Instant at, boolean pending, List<FlagView> flags) {}
}
