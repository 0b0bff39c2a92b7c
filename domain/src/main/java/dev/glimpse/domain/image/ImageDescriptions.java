package dev.glimpse.domain.image;

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
 * Records what a model said about an image, with the task's outcome in the same transaction: the
 * description and its triage, or a refusal that a person must answer. Whether the description waits
 * for a person follows the images' review mode, read at that moment.
 */
@ApplicationScoped
public class ImageDescriptions {

  private static final String DELETED = "the image was deleted while it was being described";

  @Inject TaskService tasks;

  @Inject ReviewModes modes;

  @Inject TextHistory history;

  @Inject GlimpseSettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Records a model's description of the image of a task held under {@code leaseOwner} and
   * concludes the task with {@code outcome}. In review mode, and for a FLAGGED outcome, the
   * description waits for a person; a {@code withheld} one waits as a proposal and is not the
   * image's ALT text until a person approves it. Returns false, recording nothing, when the lease
   * was lost.
   */
  public boolean recordDescription(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      ImageDescription description,
      TriageSignals signals,
      TaskOutcome outcome,
      boolean withheld,
      Actor actor) {
    return tasks.concludeWithSubject(
        taskId,
        leaseOwner,
        attempt,
        actor,
        ImageAsset.class,
        DELETED,
        (task, image) -> {
          boolean reviewRequired =
              outcome instanceof TaskOutcome.Flagged
                  || modes.mode(ContentKind.IMAGES) == ReviewMode.REVIEW;
          var now = clock.instant();
          image.describedByModel(
              description,
              task.id(),
              Triage.assess(signals, settings.altTextPurpose()),
              reviewRequired,
              withheld,
              now);
          history.proposed(
              ContentKind.IMAGES,
              image.id(),
              description.altText(),
              description.labels(),
              description.provider() + "/" + description.model(),
              task.id(),
              now);
          return outcome;
        });
  }

  /**
   * Records that the model refused or could not see the image of a task held under {@code
   * leaseOwner}, and FLAGS the task: the image waits for a person, most doubtful first.
   */
  public boolean recordRefusal(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      TriageSignals signals,
      TaskOutcome.Flagged outcome,
      Actor actor) {
    return tasks.concludeWithSubject(
        taskId,
        leaseOwner,
        attempt,
        actor,
        ImageAsset.class,
        DELETED,
        (task, image) -> {
          image.refusedByModel(Triage.assess(signals, settings.altTextPurpose()), clock.instant());
          return outcome;
        });
  }
}
