package dev.glimpse.batch.backfill;

import dev.glimpse.batch.job.JobActor;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Hands each page of candidates to the queue in one transaction with the backfill's position, then
 * wakes the jobs that do the work.
 */
@Dependent
@Named("BackfillWriter")
public class BackfillWriter extends AbstractItemWriter {

  @Inject Backfills backfills;

  @Inject BackfillRunner runner;

  @Inject JobActor job;

  @Inject TaskRunTrigger trigger;

  @Override
  public void writeItems(List<Object> items) {
    int handed = 0;
    for (Object item : items) {
      List<String> page = ((List<?>) item).stream().map(String.class::cast).toList();
      if (!page.isEmpty()) {
        handed += backfills.handOver(runner.backfillId(), runner.runner(), page, job.actor());
      }
    }
    if (handed > 0) {
      trigger.runSoon();
    }
  }
}
