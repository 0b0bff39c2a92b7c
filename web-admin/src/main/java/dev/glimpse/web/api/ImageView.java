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
    Proposal proposal,
    TaskSummary task,
    Provenance provenance,
    Instant createdAt) {

  /**
   * How a person judged the ALT text.
   *
   * @param pending whether the text waits for a person: it is not approved, and in review mode or
   *     when doubtful it should not be published yet
   * @param score how doubtful the model's last result is (0: nothing against it)
   * @param reasons why, as reviewers read them
   * @param flags the same reasons with their codes and what was found
   */
  public record Review(
      String state,
      String by,
      Instant at,
      String note,
      boolean pending,
      int score,
      List<String> reasons,
      List<FlagView> flags) {}

  /**
   * A model's text waiting beside the current one until a person decides: beside a person's text, a
   * text of a new prompt version ({@code promptVersion}), or a withheld one.
   */
  public record Proposal(String altText, List<String> labels, String promptVersion) {}

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
