package dev.glimpse.batch.describe;

import dev.glimpse.batch.image.ImagePreparationException;
import dev.glimpse.batch.image.ImagePreparer;
import dev.glimpse.batch.image.PreparationSlots;
import dev.glimpse.batch.job.LeaseKeeper;
import dev.glimpse.batch.job.ModelCallMeter;
import dev.glimpse.batch.job.ModelSlots;
import dev.glimpse.batch.job.OutsideChunkTransaction;
import dev.glimpse.batch.job.TaskMdc;
import dev.glimpse.domain.image.EarlierDescription;
import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.image.InputHash;
import dev.glimpse.domain.image.Preview;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskStep;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.ModelIdentity;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.VisionGateway;
import dev.glimpse.gateway.VisionRequest;
import dev.glimpse.gateway.prompt.AltText;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Prepares the claimed task's image (≤600 px JPEG, kept as the image's preview) and asks the vision
 * gateway for its ALT text. Runs outside the chunk's transaction: what it reads before preparing
 * shares one short transaction of its own, the original's bytes (read once a preparation slot is
 * free) another and the preview it keeps a third; no database connection is held while the image is
 * prepared or the model thinks.
 */
@Dependent
@Named("DescribeImagesProcessor")
public class DescribeImagesProcessor implements ItemProcessor {

  private static final Logger LOG = Logger.getLogger(DescribeImagesProcessor.class);
  private static final String DELETED = "the image was deleted before it was described";

  @Inject ImageService images;

  @Inject VisionGateway gateway;

  @Inject ModelCallMeter meter;

  @Inject ModelSlots slots;

  @Inject PreparationSlots preparations;

  @Inject LeaseKeeper leases;

  @Inject OutsideChunkTransaction outside;

  @Inject GlimpseSettings settings;

  private final ImagePreparer preparer = new ImagePreparer();

  @Override
  public DescribeAttempt processItem(Object item) {
    ClaimedTask task = (ClaimedTask) item;
    return leases.working(
        task, () -> TaskMdc.call(task.taskId(), () -> outside.call(() -> describe(task))));
  }

  DescribeAttempt describe(ClaimedTask task) {
    List<TaskStep> steps = new ArrayList<>();
    ModelIdentity identity = gateway.identity();
    ImageToDescribe input;
    try {
      input = outside.reading(() -> read(task.subjectId(), identity));
    } catch (NotFoundException e) {
      return DescribeAttempt.failed(task, steps, "discarded", DELETED);
    }
    ImageAsset image = input.image();
    if (input.earlier() != null) {
      steps.add(
          new TaskStep(
              "reused",
              input.earlier().source()
                  + " has the same content and was described with the same provider, model and"
                  + " prompt: no model call"));
      return DescribeAttempt.reused(task, steps, image.language(), input.earlier());
    }

    Preview prepared;
    if (input.stored() != null) {
      prepared = input.stored();
      steps.add(new TaskStep("prepared", "reused the stored " + describe(prepared)));
    } else {
      try {
        prepared = preparations.prepare(() -> preparer.prepare(images.content(image).bytes()));
      } catch (NotFoundException e) {
        return DescribeAttempt.failed(task, steps, "discarded", DELETED);
      } catch (ImagePreparationException e) {
        LOG.infof(
            "Task(id=%s) image %s cannot be prepared: %s",
            task.taskId(), image.id(), e.getMessage());
        return DescribeAttempt.failed(task, steps, FailureKind.PERMANENT.code(), e.getMessage());
      }
      images.storePreview(image.id(), prepared);
      steps.add(
          new TaskStep(
              "prepared", image.width() + "×" + image.height() + " → " + describe(prepared)));
    }

    VisionRequest request =
        new VisionRequest(
            prepared.jpeg(),
            new VisionRequest.OriginalImage(image.width(), image.height(), prepared.transparent()),
            image.language(),
            image.filename(),
            settings.altTextPurpose().softLimit());
    ModelResult<AltText> result =
        slots.call(
            () -> {
              leases.progress(task);
              return gateway.describe(request);
            });
    meter.record(task, result);
    steps.add(new TaskStep("model-called", result.stats().describe()));
    LOG.infof("Task(id=%s) %s: %s", task.taskId(), result.stats().describe(), outcome(result));
    return DescribeAttempt.called(task, steps, image.language(), input.inputHash(), result);
  }

  /**
   * The image, and what describing it starts from: an earlier description of the same input, a
   * preview stored by an earlier attempt, or neither. The original's bytes are not read here but
   * once a preparation slot is free, so that the workers waiting for one hold no photographs.
   */
  private ImageToDescribe read(String imageId, ModelIdentity identity) {
    ImageAsset image = images.image(imageId);
    String inputHash =
        InputHash.of(
            image.contentSha256(),
            image.language(),
            identity.provider(),
            identity.model(),
            identity.promptVersion());
    Optional<EarlierDescription> earlier =
        images.earlierDescription(inputHash, image.id(), image.owner());
    if (earlier.isPresent()) {
      return ImageToDescribe.describedBefore(image, inputHash, earlier.get());
    }
    Optional<Preview> stored = images.storedPreview(image);
    if (stored.isPresent()) {
      return ImageToDescribe.preparedBefore(image, inputHash, stored.get());
    }
    return ImageToDescribe.toPrepare(image, inputHash);
  }

  private static String describe(Preview preview) {
    return preview.width() + "×" + preview.height() + " JPEG, " + preview.jpeg().length + " bytes";
  }

  private static String outcome(ModelResult<AltText> result) {
    return result instanceof ModelResult.Failed<AltText> failed
        ? failed.kind().code()
        : "described";
  }
}
