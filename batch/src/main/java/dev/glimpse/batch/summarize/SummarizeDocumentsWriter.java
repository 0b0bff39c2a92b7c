package dev.glimpse.batch.summarize;

import dev.glimpse.batch.job.JobActor;
import dev.glimpse.batch.job.LeaseKeeper;
import dev.glimpse.batch.job.Outcomes;
import dev.glimpse.batch.job.TaskMdc;
import dev.glimpse.batch.job.Triages;
import dev.glimpse.domain.document.SummaryRecord;
import dev.glimpse.domain.document.SummaryResults;
import dev.glimpse.domain.task.TaskOutcome;
import dev.glimpse.domain.task.TaskService;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.prompt.Summary;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records each summary with the text version it was made from (COMPLETED from a model, FLAGGED when
 * doubtful or refused: then it waits for a person and is not served), or the failure, under the
 * task's lease.
 */
@Dependent
@Named("SummarizeDocumentsWriter")
public class SummarizeDocumentsWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(SummarizeDocumentsWriter.class);

  @Inject SummaryResults results;

  @Inject TaskService tasks;

  @Inject JobActor job;

  @Inject LeaseKeeper leases;

  @Override
  public void writeItems(List<Object> items) {
    for (Object item : items) {
      SummarizeAttempt attempt = (SummarizeAttempt) item;
      TaskMdc.run(
          attempt.task().taskId(),
          () ->
              LOG.infof(
                  "Task(id=%s) outcome %s",
                  attempt.task().taskId(),
                  recordAndRelease(attempt) ? "recorded" : "discarded (lease lost)"));
    }
  }

  private boolean recordAndRelease(SummarizeAttempt attempt) {
    try {
      return record(attempt);
    } finally {
      leases.release(attempt.task());
    }
  }

  private boolean record(SummarizeAttempt attempt) {
    String taskId = attempt.task().taskId();
    String lease = attempt.task().leaseOwner();
    if (attempt.document() == null) {
      return tasks.conclude(
          taskId,
          lease,
          attempt.record(),
          new TaskOutcome.Failed("discarded", "the document was deleted before it was summarized"),
          job.actor());
    }
    if (attempt.result() instanceof ModelResult.Answered<Summary> answered) {
      TaskOutcome outcome =
          answered.doubtful()
              ? new TaskOutcome.Flagged(answered.doubt())
              : new TaskOutcome.Completed(
                  "summarized by " + answered.stats().provider() + "/" + answered.stats().model());
      return results.recordSummary(
          taskId,
          lease,
          attempt.record(),
          new SummaryRecord(
              answered.value().text(),
              answered.value().keyPoints(),
              attempt.document().sha256(),
              attempt.document().version(),
              answered.stats().provider(),
              answered.stats().model(),
              answered.promptVersion(),
              answered.stats().tokensIn(),
              answered.stats().tokensOut(),
              answered.stats().costUsd(),
              answered.stats().latencyMillis()),
          Triages.answered(
              answered, answered.value().text(), List.of(), attempt.document().language()),
          outcome,
          job.actor());
    }
    ModelResult.Failed<Summary> failed = (ModelResult.Failed<Summary>) attempt.result();
    if (Outcomes.of(failed) instanceof TaskOutcome.Flagged flagged) {
      return results.recordRefusal(
          taskId,
          lease,
          attempt.record(),
          attempt.document().version(),
          attempt.document().sha256(),
          Triages.refused(failed, attempt.document().language()),
          flagged,
          job.actor());
    }
    return tasks.conclude(taskId, lease, attempt.record(), Outcomes.of(failed), job.actor());
  }
}
