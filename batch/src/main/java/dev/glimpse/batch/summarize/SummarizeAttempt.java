package dev.glimpse.batch.summarize;

import dev.glimpse.domain.document.DocumentText;
import dev.glimpse.domain.task.AttemptRecord;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskStep;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.prompt.Summary;
import java.util.List;

/**
 * What the processor made of one claimed summary task: the text it summarized (null when the
 * document was deleted) and the gateway's result.
 */
record SummarizeAttempt(
    ClaimedTask task, List<TaskStep> steps, DocumentText document, ModelResult<Summary> result) {

  SummarizeAttempt {
    steps = List.copyOf(steps);
  }

  AttemptRecord record() {
    return new AttemptRecord(steps, result == null ? null : result.stats().rawResponse());
  }
}
