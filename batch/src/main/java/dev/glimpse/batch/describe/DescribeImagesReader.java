package dev.glimpse.batch.describe;

import dev.glimpse.batch.job.ClaimingReader;
import dev.glimpse.domain.task.TaskKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims due DESCRIBE_IMAGE tasks. An idle reader keeps looking for {@code GLIMPSE_BATCH_LINGER},
 * so that work arriving in a burst is spread over all partitions rather than queued behind the
 * first.
 */
@Dependent
@Named("DescribeImagesReader")
public class DescribeImagesReader extends ClaimingReader {

  @Inject
  @ConfigProperty(name = "glimpse.batch.linger", defaultValue = "PT5S")
  Duration linger;

  @Override
  protected TaskKind kind() {
    return TaskKind.DESCRIBE_IMAGE;
  }

  @Override
  protected Duration linger() {
    return linger;
  }
}
