package dev.glimpse.domain.image;

import dev.glimpse.domain.blob.BlobContent;
import dev.glimpse.domain.blob.BlobStore;
import dev.glimpse.domain.blob.StoredBlob;
import dev.glimpse.domain.quota.Admission;
import dev.glimpse.domain.review.ContentKind;
import dev.glimpse.domain.review.TextHistory;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Images: upload, look-up, their bytes and prepared previews, and deletion. */
@ApplicationScoped
public class ImageService {

  private static final Logger LOG = Logger.getLogger(ImageService.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject GlimpseSettings settings;

  @Inject BlobStore blobs;

  @Inject TextHistory history;

  @Inject TaskService tasks;

  Clock clock = Clock.systemUTC();

  /**
   * Stores an upload after checking it, and enqueues a describe task unless a person already wrote
   * its ALT text. An upload that repeats an earlier one's idempotency key is answered with that
   * image; any other must pass {@code admission} first.
   *
   * @throws ImageRejectedException when the bytes are not an image Glimpse takes
   */
  @Transactional
  public Registration register(ImageUpload upload, Actor actor, Admission admission) {
    if (upload.idempotencyKey() != null) {
      Optional<ImageAsset> earlier = byIdempotencyKey(actor.toString(), upload.idempotencyKey());
      if (earlier.isPresent()) {
        if (!earlier.get().contentSha256().equals(StoredBlob.sha256Hex(upload.content()))) {
          throw new IdempotencyKeyReusedException(upload.idempotencyKey());
        }
        return new Registration(find(earlier.get().id(), actor.toString()), true);
      }
    }
    admission.check();
    InspectedImage inspected =
        new ImageInspector(settings.imageMaxBytes(), settings.imageMaxPixels())
            .inspect(upload.content());
    Instant now = clock.instant();
    StoredBlob blob = blobs.put(upload.content(), inspected.format().mediaType());
    ImageAsset image =
        new ImageAsset(
            actor.toString(),
            upload.filename(),
            inspected,
            blob.size(),
            blob.sha256(),
            blob.id(),
            upload.language(),
            now);
    AiTask task = null;
    boolean human = !Texts.isBlank(upload.altText());
    if (human) {
      image.writtenByHuman(upload.altText(), List.of(), now);
    } else if (upload.describe()) {
      task = enqueueDescription(image, upload.priority(), actor);
    }
    em.persist(image);
    if (human) {
      history.written(ContentKind.IMAGES, image.id(), image.altText(), List.of(), actor, null, now);
    }
    if (upload.idempotencyKey() != null) {
      image.rememberIdempotencyKey(upload.idempotencyKey());
    }
    LOG.infof(
        "Image(id=%s) registered: %s %d×%d, %d bytes, task %s",
        image.id(),
        inspected.format(),
        inspected.width(),
        inspected.height(),
        blob.size(),
        image.taskId());
    return new Registration(new ImageListing(image, task), false);
  }

  /** Enqueues a task that describes {@code image} and makes it the image's current task. */
  @Transactional(TxType.MANDATORY)
  public AiTask enqueueDescription(ImageAsset image, TaskPriority priority, Actor actor) {
    AiTask task =
        AiTask.enqueue(
            TaskKind.DESCRIBE_IMAGE,
            image.id(),
            image.owner(),
            priority,
            settings.maxAttempts(),
            actor,
            clock.instant());
    em.persist(task);
    image.assignTask(task.id());
    return task;
  }

  /** The image {@code owner} uploaded with {@code key}, if any. */
  private Optional<ImageAsset> byIdempotencyKey(String owner, String key) {
    return em
        .createQuery(
            "SELECT i FROM ImageAsset i WHERE i.owner = :owner AND i.idempotencyKey = :key",
            ImageAsset.class)
        .setParameter("owner", owner)
        .setParameter("key", key)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * A trusted description made earlier with the same input hash (same content, provider, model and
   * prompt version) for another image: reusing it saves a model call. An image whose provenance
   * belongs to a proposal waiting beside its text is no source: its text was made otherwise.
   */
  @Transactional
  public Optional<EarlierDescription> earlierDescription(
      String inputHash, String imageId, String owner) {
    return em
        .createQuery(
            "SELECT i FROM ImageAsset i, AiTask t WHERE i.inputHash = :hash AND i.id <> :id"
                + " AND t.id = i.describedByTask"
                + " AND t.status = dev.glimpse.domain.task.TaskStatus.COMPLETED"
                + " AND i.aiGenerated = TRUE AND i.proposedAltText IS NULL"
                + " ORDER BY i.updatedAt DESC",
            ImageAsset.class)
        .setParameter("hash", inputHash)
        .setParameter("id", imageId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(
            image ->
                new EarlierDescription(
                    image.owner().equals(owner)
                        ? "image " + image.id()
                        : "an earlier image with the same content",
                    new ImageDescription(
                        image.altText(),
                        image.labels(),
                        image.provider(),
                        image.model(),
                        image.promptVersion(),
                        image.inputHash())));
  }

  /**
   * Deletes an image and its stored bytes, and its tasks forget what they held of it; a task still
   * due will end FAILED (discarded).
   */
  @Transactional
  public void delete(String id, String owner, Actor actor) {
    ImageAsset image = find(id, owner).image();
    blobs.delete(image.contentBlobId(), image.previewBlobId());
    history.forget(id);
    tasks.forgetDeletedItem(id, actor);
    em.remove(image);
    LOG.infof("Image(id=%s) deleted by %s", id, actor);
  }

  /**
   * The image with {@code id}, if {@code owner} may see it ({@code null} owner: staff, sees all).
   *
   * <p>The task is read before the image: a task's outcome and its image's description commit
   * together, so an image read after its task is never older than the task's status. An image not
   * found is an answer: it does not doom a caller's transaction, such as a batch chunk's.
   */
  @Transactional(dontRollbackOn = NotFoundException.class)
  public ImageListing find(String id, String owner) {
    List<Object[]> keys =
        em.createQuery(
                "SELECT i.taskId, i.owner FROM ImageAsset i WHERE i.id = :id", Object[].class)
            .setParameter("id", id)
            .getResultList();
    if (keys.isEmpty() || (owner != null && !owner.equals(keys.get(0)[1]))) {
      throw new NotFoundException("Image", id);
    }
    String taskId = (String) keys.get(0)[0];
    AiTask task = taskId == null ? null : em.find(AiTask.class, taskId);
    return new ImageListing(em.find(ImageAsset.class, id), task);
  }

  /** The original bytes of an image. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public BlobContent content(String imageId, String owner) {
    return content(find(imageId, owner).image());
  }

  /** The original bytes of {@code image}, read by the blob it names: gone once it is deleted. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public BlobContent content(ImageAsset image) {
    return blobs
        .get(image.contentBlobId())
        .orElseThrow(() -> new NotFoundException("Image", image.id()));
  }

  /** An image by its id alone, without its task: for the batch job, which acts for no owner. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public ImageAsset image(String id) {
    ImageAsset image = em.find(ImageAsset.class, id);
    if (image == null) {
      throw new NotFoundException("Image", id);
    }
    return image;
  }

  /** The stored ≤600 px preview of an image, once a describe task has prepared it. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public Optional<BlobContent> preview(String imageId, String owner) {
    ImageAsset image = find(imageId, owner).image();
    return blobs.get(image.previewBlobId());
  }

  /** The prepared variant of {@code image}, if an earlier attempt kept one. */
  @Transactional(TxType.SUPPORTS)
  public Optional<Preview> storedPreview(ImageAsset image) {
    return blobs
        .get(image.previewBlobId())
        .map(
            blob ->
                new Preview(
                    blob.bytes(),
                    image.previewWidth(),
                    image.previewHeight(),
                    image.previewTransparent()));
  }

  /** Keeps a prepared variant so later attempts and the console reuse it; the first one stays. */
  @Transactional(TxType.REQUIRES_NEW)
  public void storePreview(String imageId, Preview preview) {
    ImageAsset image = em.find(ImageAsset.class, imageId);
    if (image == null || image.previewBlobId() != null) {
      return;
    }
    StoredBlob blob = blobs.put(preview.jpeg(), "image/jpeg");
    image.attachPreview(blob.id(), preview, clock.instant());
  }
}
