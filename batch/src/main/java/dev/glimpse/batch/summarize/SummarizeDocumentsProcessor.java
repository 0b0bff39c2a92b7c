package dev.glimpse.batch.summarize;

import dev.glimpse.batch.job.LeaseKeeper;
import dev.glimpse.batch.job.ModelCallMeter;
import dev.glimpse.batch.job.ModelSlots;
import dev.glimpse.batch.job.OutsideChunkTransaction;
import dev.glimpse.batch.job.TaskMdc;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.DocumentText;
import dev.glimpse.domain.document.SummaryParts;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskStep;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.TextGateway;
import dev.glimpse.gateway.TextRequest;
import dev.glimpse.gateway.prompt.Summary;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads the claimed document's current text and asks the text gateway for its summary, keeping the
 * summaries of a long text's parts as they are made. Runs outside the chunk's transaction: no
 * database connection is held while the model thinks.
 */
@Dependent
@Named("SummarizeDocumentsProcessor")
public class SummarizeDocumentsProcessor implements ItemProcessor {

  private static final Logger LOG = Logger.getLogger(SummarizeDocumentsProcessor.class);

  @Inject DocumentService documents;

  @Inject SummaryParts parts;

  @Inject TextGateway gateway;

  @Inject ModelCallMeter meter;

  @Inject ModelSlots slots;

  @Inject LeaseKeeper leases;

  @Inject OutsideChunkTransaction outside;

  @Inject GlimpseSettings settings;

  @Override
  public SummarizeAttempt processItem(Object item) {
    ClaimedTask task = (ClaimedTask) item;
    return leases.working(
        task, () -> TaskMdc.call(task.taskId(), () -> outside.call(() -> summarize(task))));
  }

  private SummarizeAttempt summarize(ClaimedTask task) {
    List<TaskStep> steps = new ArrayList<>();
    DocumentText document = documents.textOf(task.subjectId());
    if (document == null) {
      return new SummarizeAttempt(task, steps, null, null);
    }
    steps.add(
        new TaskStep(
            "read",
            "version " + document.version() + ", " + document.text().length() + " characters"));
    TextRequest request =
        new TextRequest(
            document.title(),
            document.text(),
            document.language(),
            settings.summaryPurpose().softLimit());
    ModelResult<Summary> result =
        slots.call(
            () -> {
              leases.progress(task);
              return gateway.summarize(request, new StoredParts(parts, leases, task));
            });
    meter.record(task, result);
    steps.add(new TaskStep("model-called", result.stats().describe()));
    LOG.infof("Task(id=%s) %s", task.taskId(), result.stats().describe());
    return new SummarizeAttempt(task, steps, document, result);
  }
}
