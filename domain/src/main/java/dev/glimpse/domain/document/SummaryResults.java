package dev.glimpse.domain.document;

import dev.glimpse.domain.review.ContentKind;
import dev.glimpse.domain.review.ReviewMode;
import dev.glimpse.domain.review.ReviewModes;
import dev.glimpse.domain.review.TextHistory;
import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.review.TriageSignals;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AttemptRecord;
import dev.glimpse.domain.task.TaskOutcome;
import dev.glimpse.domain.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Records what a model made of a document, with the task's outcome in the same transaction. A
 * confident result in auto mode stands at once; a doubtful one, a refusal, any result in review
 * mode, and any result beside a summary a person wrote or approved waits for a person and is not
 * served.
 */
@ApplicationScoped
public class SummaryResults {

  private static final String DELETED = "the document was deleted while it was being summarized";

  @Inject TaskService tasks;

  @Inject SummaryStore store;

  @Inject ReviewModes modes;

  @Inject TextHistory history;

  @Inject GlimpseSettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Records a summary for the task held under {@code leaseOwner} and concludes it with {@code
   * outcome}. Returns false, recording nothing, when the lease was lost meanwhile.
   */
  public boolean recordSummary(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      SummaryRecord summary,
      TriageSignals signals,
      TaskOutcome outcome,
      Actor actor) {
    return tasks.concludeWithSubject(
        taskId,
        leaseOwner,
        attempt,
        actor,
        Document.class,
        DELETED,
        (task, document) -> {
          history.proposed(
              ContentKind.SUMMARIES,
              document.id(),
              summary.text(),
              summary.keyPoints(),
              summary.provider() + "/" + summary.model(),
              task.id(),
              clock.instant());
          boolean waits =
              outcome instanceof TaskOutcome.Flagged
                  || modes.mode(ContentKind.SUMMARIES) == ReviewMode.REVIEW
                  || store.heldByPerson(document.id());
          if (waits) {
            store.propose(
                document.id(),
                summary,
                task.id(),
                Triage.assess(signals, settings.summaryPurpose()));
          } else {
            store.stand(document.id(), summary);
          }
          return outcome;
        });
  }

  /**
   * Records that the model refused to summarize the text with hash {@code sha256} and FLAGS the
   * task: a person decides, and reads do not ask the model again meanwhile.
   */
  public boolean recordRefusal(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      long version,
      String sha256,
      TriageSignals signals,
      TaskOutcome.Flagged outcome,
      Actor actor) {
    return tasks.concludeWithSubject(
        taskId,
        leaseOwner,
        attempt,
        actor,
        Document.class,
        DELETED,
        (task, document) -> {
          store.proposeRefusal(
              document.id(),
              outcome.reason(),
              version,
              sha256,
              task.id(),
              Triage.assess(signals, settings.summaryPurpose()));
          return outcome;
        });
  }
}
