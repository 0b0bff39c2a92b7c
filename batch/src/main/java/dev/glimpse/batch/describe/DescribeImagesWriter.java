package dev.glimpse.batch.describe;

import dev.glimpse.batch.job.JobActor;
import dev.glimpse.batch.job.LeaseKeeper;
import dev.glimpse.batch.job.Outcomes;
import dev.glimpse.batch.job.TaskMdc;
import dev.glimpse.batch.job.Triages;
import dev.glimpse.domain.image.ImageDescription;
import dev.glimpse.domain.image.ImageDescriptions;
import dev.glimpse.domain.task.TaskOutcome;
import dev.glimpse.domain.task.TaskService;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.prompt.AltText;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records each attempt's outcome under its lease, in one short transaction per task: the
 * description with COMPLETED (a model) or FLAGGED (doubtful, or the local provider); PENDING with
 * backoff for transient and invalid answers; FAILED for permanent errors.
 */
@Dependent
@Named("DescribeImagesWriter")
public class DescribeImagesWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(DescribeImagesWriter.class);

  @Inject ImageDescriptions descriptions;

  @Inject TaskService tasks;

  @Inject JobActor job;

  @Inject LeaseKeeper leases;

  @Override
  public void writeItems(List<Object> items) {
    for (Object item : items) {
      DescribeAttempt attempt = (DescribeAttempt) item;
      TaskMdc.run(attempt.task().taskId(), () -> recordAndRelease(attempt));
    }
  }

  private void recordAndRelease(DescribeAttempt attempt) {
    try {
      record(attempt);
    } finally {
      leases.release(attempt.task());
    }
  }

  private void record(DescribeAttempt attempt) {
    String taskId = attempt.task().taskId();
    String lease = attempt.task().leaseOwner();
    boolean recorded;
    if (attempt.reused() != null) {
      ImageDescription reused = attempt.reused().description();
      recorded =
          descriptions.recordDescription(
              taskId,
              lease,
              attempt.record(),
              reused,
              Triages.reused(reused.altText(), reused.labels(), attempt.language()),
              new TaskOutcome.Completed("reused the description of " + attempt.reused().source()),
              false,
              job.actor());
    } else if (attempt.result() instanceof ModelResult.Answered<AltText> described) {
      TaskOutcome outcome =
          described.doubtful()
              ? new TaskOutcome.Flagged(described.doubt())
              : new TaskOutcome.Completed(
                  "described by " + described.stats().provider() + "/" + described.stats().model());
      recorded =
          descriptions.recordDescription(
              taskId,
              lease,
              attempt.record(),
              toDescription(described, attempt.inputHash()),
              Triages.answered(
                  described,
                  described.value().description(),
                  described.value().labels(),
                  attempt.language()),
              outcome,
              described.withheld(),
              job.actor());
    } else if (attempt.result() instanceof ModelResult.Failed<AltText> failed
        && Outcomes.of(failed) instanceof TaskOutcome.Flagged flagged) {
      recorded =
          descriptions.recordRefusal(
              taskId,
              lease,
              attempt.record(),
              Triages.refused(failed, attempt.language()),
              flagged,
              job.actor());
    } else if (attempt.result() instanceof ModelResult.Failed<AltText> failed) {
      recorded = tasks.conclude(taskId, lease, attempt.record(), Outcomes.of(failed), job.actor());
    } else {
      recorded =
          tasks.conclude(
              taskId,
              lease,
              attempt.record(),
              new TaskOutcome.Failed(attempt.failureKind(), attempt.failureReason()),
              job.actor());
    }
    LOG.infof("Task(id=%s) outcome %s", taskId, recorded ? "recorded" : "discarded (lease lost)");
  }

  static ImageDescription toDescription(ModelResult.Answered<AltText> described, String inputHash) {
    return new ImageDescription(
        described.value().description(),
        described.value().labels(),
        described.stats().provider(),
        described.stats().model(),
        described.promptVersion(),
        inputHash);
  }
}
