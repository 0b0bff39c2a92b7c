package dev.glimpse.domain.task;

import java.time.Duration;
import java.util.Objects;

/**
 * How one attempt at a task ended, in the domain's terms. The batch layer translates the AI
 * gateway's typed results into one of these; {@link AiTask#conclude} turns it into a transition.
 */
public sealed interface TaskOutcome {

  /** The work is done and trusted: the task goes to COMPLETED. */
  record Completed(String note) implements TaskOutcome {}

  /** The work produced something a human must look at: the task goes to FLAGGED. */
  record Flagged(String reason) implements TaskOutcome {
    public Flagged {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The attempt failed for a reason that may pass: the task goes back to PENDING after a backoff,
   * or to FAILED when its attempts are spent.
   *
   * @param notBefore the provider's own hint (Retry-After), or {@code null}
   * @param attempted false when the work never reached the provider (no free model slot): such an
   *     attempt is not counted
   */
  record Retry(String errorKind, String reason, Duration notBefore, boolean attempted)
      implements TaskOutcome {
    public Retry {
      Objects.requireNonNull(errorKind, "errorKind");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The attempt failed for a reason that will not pass: the task goes to FAILED at once. */
  record Failed(String errorKind, String reason) implements TaskOutcome {
    public Failed {
      Objects.requireNonNull(errorKind, "errorKind");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
