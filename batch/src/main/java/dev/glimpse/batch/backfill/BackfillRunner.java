package dev.glimpse.batch.backfill;

import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The backfill the running job feeds, and the name its hold on the backfill goes by. */
@Dependent
public class BackfillRunner {

  /** The job parameter that names the backfill, a property of the job too (backfill.xml). */
  public static final String BACKFILL_ID = "backfillId";

  @Inject JobContext job;

  @Inject GlimpseSettings settings;

  /** The backfill this execution feeds. */
  public String backfillId() {
    return job.getProperties().getProperty(BACKFILL_ID);
  }

  /** Who feeds it: this node; one execution at a time per node and backfill. */
  public String runner() {
    return of(settings.nodeName());
  }

  /** The runner name of the backfill jobs of {@code node}. */
  public static String of(String node) {
    return node + "/backfill";
  }
}
