package dev.glimpse.batch.describe;

import dev.glimpse.domain.image.EarlierDescription;
import dev.glimpse.domain.task.AttemptRecord;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskStep;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.prompt.AltText;
import java.util.List;

/**
 * What the processor made of one claimed task: the steps it took and one of three endings — the
 * gateway's result, a description reused from identical earlier work, or a failure before any model
 * call (the image is gone, or does not decode).
 *
 * @param language the language the ALT text is asked in, when the image was found
 * @param inputHash the hash of content, provider, model and prompt version, when known
 */
record DescribeAttempt(
    ClaimedTask task,
    List<TaskStep> steps,
    String language,
    String inputHash,
    ModelResult<AltText> result,
    EarlierDescription reused,
    String failureKind,
    String failureReason) {

  static DescribeAttempt called(
      ClaimedTask task,
      List<TaskStep> steps,
      String language,
      String inputHash,
      ModelResult<AltText> result) {
    return new DescribeAttempt(
        task, List.copyOf(steps), language, inputHash, result, null, null, null);
  }

  static DescribeAttempt reused(
      ClaimedTask task, List<TaskStep> steps, String language, EarlierDescription earlier) {
    return new DescribeAttempt(
        task,
        List.copyOf(steps),
        language,
        earlier.description().inputHash(),
        null,
        earlier,
        null,
        null);
  }

  static DescribeAttempt failed(
      ClaimedTask task, List<TaskStep> steps, String kind, String reason) {
    return new DescribeAttempt(task, List.copyOf(steps), null, null, null, null, kind, reason);
  }

  /** The steps and the model's raw answer, for the task's record. */
  AttemptRecord record() {
    return new AttemptRecord(steps, result == null ? null : result.stats().rawResponse());
  }
}
