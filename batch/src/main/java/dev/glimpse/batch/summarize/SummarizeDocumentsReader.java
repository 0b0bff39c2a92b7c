package dev.glimpse.batch.summarize;

import dev.glimpse.batch.job.ClaimingReader;
import dev.glimpse.domain.task.TaskKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Duration;

/** Claims due SUMMARIZE_DOCUMENT tasks; ends as soon as none is due. */
@Dependent
@Named("SummarizeDocumentsReader")
public class SummarizeDocumentsReader extends ClaimingReader {

  @Override
  protected TaskKind kind() {
    return TaskKind.SUMMARIZE_DOCUMENT;
  }

  @Override
  protected Duration linger() {
    return Duration.ZERO;
  }
}
