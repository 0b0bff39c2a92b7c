package dev.glimpse.web.api;

import java.time.Instant;
import java.util.List;

/** An image as the API shows it. */
public record ImageView(
    String id,
    String filename,
    String contentType,
    int width,
    int height,
    long bytes,
    String altText,
    List<String> labels,
    boolean aiGenerated,
    String language,
    Review review,
    TaskSummary task,
    Provenance provenance,
    Instant createdAt) {

  /** How a human judged the ALT text. */
  public record Review(String state, String by, Instant at) {}

  /** The image's current AI task. */
  public record TaskSummary(
      String id,
      String status,
      int attempts,
      String errorKind,
      String lastError,
      Instant updatedAt) {}

  /**
   * What produced the ALT text, when a model did: provider, model, prompt version, the input hash
   * (content, model and prompt together) and the task that made it.
   */
  public record Provenance(
      String provider, String model, String promptVersion, String inputHash, String taskId) {}
}
