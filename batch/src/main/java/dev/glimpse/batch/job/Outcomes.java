package dev.glimpse.batch.job;

import dev.glimpse.domain.task.TaskOutcome;
import dev.glimpse.gateway.ModelResult;

/** Translates the gateway's failures into the task engine's outcomes. */
public final class Outcomes {

  private Outcomes() {}

  /**
   * A soft failure is FLAGGED for a human, a permanent one FAILS at once, anything else is retried
   * later; an attempt that never reached the provider is not counted.
   */
  public static TaskOutcome of(ModelResult.Failed<?> failed) {
    switch (failed.kind()) {
      case SOFT_FAILURE:
        return new TaskOutcome.Flagged(failed.reason());
      case PERMANENT:
        return new TaskOutcome.Failed(failed.kind().code(), failed.reason());
      default:
        return new TaskOutcome.Retry(
            failed.kind().code(), failed.reason(), failed.retryAfter(), failed.stats().calls() > 0);
    }
  }
}
