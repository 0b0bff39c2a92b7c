package dev.glimpse.batch.job;

import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.Actor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The running job execution as an actor of the audit trail, and as the owner of its leases. */
@Dependent
public class JobActor {

  @Inject JobContext job;

  @Inject GlimpseSettings settings;

  /** The job execution on this node, as the audit trail names it. */
  public Actor actor() {
    return Actor.job(job.getExecutionId(), settings.nodeName());
  }

  /**
   * Who takes the leases of this execution: each claim's lease is named after it, starting with
   * this node's name.
   */
  public String leaseHolder() {
    return settings.nodeName() + "/" + job.getJobName() + "/" + job.getExecutionId();
  }
}
