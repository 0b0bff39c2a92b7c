package dev.glimpse.domain.image;

import dev.glimpse.domain.blob.StoredBlob;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.AttemptRecord;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskOutcome;
import dev.glimpse.domain.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Images: upload, look-up, listing, and recording what a model said about them. */
@ApplicationScoped
public class ImageService {

  private static final Logger LOG = Logger.getLogger(ImageService.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject GlimpseSettings settings;

  @Inject TaskService tasks;

  Clock clock = Clock.systemUTC();

  /**
   * Stores an upload after checking it, and enqueues a describe task unless a person already wrote
   * its ALT text.
   *
   * @throws ImageRejectedException when the bytes are not an image Glimpse takes
   */
  @Transactional
  public Registration register(ImageUpload upload, Actor actor) {
    if (upload.idempotencyKey() != null) {
      Optional<ImageAsset> earlier = byIdempotencyKey(actor.toString(), upload.idempotencyKey());
      if (earlier.isPresent()) {
        if (!earlier.get().contentSha256().equals(StoredBlob.sha256Hex(upload.content()))) {
          throw new IdempotencyKeyReusedException(upload.idempotencyKey());
        }
        return new Registration(find(earlier.get().id(), actor.toString()), true);
      }
    }
    InspectedImage inspected =
        new ImageInspector(settings.imageMaxBytes(), settings.imageMaxPixels())
            .inspect(upload.content());
    Instant now = clock.instant();
    StoredBlob blob = new StoredBlob(upload.content(), inspected.format().mediaType(), now);
    em.persist(blob);
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
    if (Texts.isBlank(upload.altText())) {
      task =
          AiTask.enqueue(
              TaskKind.DESCRIBE_IMAGE,
              image.id(),
              upload.priority(),
              settings.maxAttempts(),
              actor,
              now);
      image.assignTask(task.id());
      em.persist(task);
    } else {
      image.writtenByHuman(upload.altText(), List.of(), now);
    }
    if (upload.idempotencyKey() != null) {
      image.rememberIdempotencyKey(upload.idempotencyKey());
    }
    em.persist(image);
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

  /** The image {@code owner} uploaded with {@code key}, if any. */
  @Transactional
  public Optional<ImageAsset> byIdempotencyKey(String owner, String key) {
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
   * prompt version) for another image: reusing it saves a model call.
   */
  @Transactional
  public Optional<EarlierDescription> earlierDescription(String inputHash, String imageId) {
    return em
        .createQuery(
            "SELECT i FROM ImageAsset i, AiTask t WHERE i.inputHash = :hash AND i.id <> :id"
                + " AND t.id = i.describedByTask"
                + " AND t.status = dev.glimpse.domain.task.TaskStatus.COMPLETED"
                + " AND i.aiGenerated = TRUE ORDER BY i.updatedAt DESC",
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
                    image.id(),
                    new ImageDescription(
                        image.altText(),
                        image.labels(),
                        image.provider(),
                        image.model(),
                        image.promptVersion(),
                        image.inputHash())));
  }

  /** Deletes an image and its stored bytes; its task, if still due, will end FAILED (discarded). */
  @Transactional
  public void delete(String id, String owner) {
    ImageAsset image = find(id, owner).image();
    for (String blobId : new String[] {image.contentBlobId(), image.previewBlobId()}) {
      if (blobId != null) {
        StoredBlob blob = em.find(StoredBlob.class, blobId);
        if (blob != null) {
          em.remove(blob);
        }
      }
    }
    em.remove(image);
    LOG.infof("Image(id=%s) deleted by %s", id, owner);
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

  /**
   * A page of images matching {@code query}, newest first; tasks are read before their images, as
   * in {@link #find}.
   */
  @Transactional
  public Page<ImageListing> list(ImageQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<ImageAsset> image = select.from(ImageAsset.class);
    select
        .multiselect(image.get("id"), image.get("taskId"))
        .where(filters(cb, select, image, query))
        .orderBy(cb.desc(image.get("createdAt")), cb.asc(image.get("id")));
    List<Tuple> keys =
        em.createQuery(select)
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            .getResultList();

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<ImageAsset> counted = count.from(ImageAsset.class);
    count.select(cb.count(counted)).where(filters(cb, count, counted, query));
    long total = em.createQuery(count).getSingleResult();

    Map<String, AiTask> tasks =
        byId(
            keys.stream().map(key -> key.get(1, String.class)).filter(Objects::nonNull).toList(),
            AiTask.class,
            AiTask::id);
    Map<String, ImageAsset> images =
        byId(
            keys.stream().map(key -> key.get(0, String.class)).toList(),
            ImageAsset.class,
            ImageAsset::id);
    List<ImageListing> listings = new ArrayList<>();
    for (Tuple key : keys) {
      String taskId = key.get(1, String.class);
      listings.add(
          new ImageListing(
              images.get(key.get(0, String.class)), taskId == null ? null : tasks.get(taskId)));
    }
    return new Page<>(listings, total, query.page(), query.size());
  }

  /** How many images there are (staff). */
  @Transactional(TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(i) FROM ImageAsset i", Long.class).getSingleResult();
  }

  /** The original bytes of an image. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public ImageContent content(String imageId, String owner) {
    ImageAsset image = find(imageId, owner).image();
    StoredBlob blob = em.find(StoredBlob.class, image.contentBlobId());
    return new ImageContent(blob.content(), blob.mediaType());
  }

  /** The stored ≤600 px preview of an image, once a describe task has prepared it. */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public Optional<ImageContent> preview(String imageId, String owner) {
    ImageAsset image = find(imageId, owner).image();
    if (image.previewBlobId() == null) {
      return Optional.empty();
    }
    StoredBlob blob = em.find(StoredBlob.class, image.previewBlobId());
    return Optional.of(new ImageContent(blob.content(), blob.mediaType()));
  }

  /** The prepared variant of an image, if an earlier attempt kept one. */
  @Transactional(TxType.SUPPORTS)
  public Optional<Preview> storedPreview(String imageId) {
    ImageAsset image = em.find(ImageAsset.class, imageId);
    if (image == null || image.previewBlobId() == null) {
      return Optional.empty();
    }
    StoredBlob blob = em.find(StoredBlob.class, image.previewBlobId());
    return Optional.of(
        new Preview(
            blob.content(),
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
    StoredBlob blob = new StoredBlob(preview.jpeg(), "image/jpeg", clock.instant());
    em.persist(blob);
    image.attachPreview(blob.id(), preview, clock.instant());
  }

  /**
   * Records a model's description of the image of a task held under {@code leaseOwner} and
   * concludes the task with {@code outcome} in the same transaction. Returns false, recording
   * nothing, when the lease was lost meanwhile.
   */
  public boolean recordDescription(
      String taskId,
      String leaseOwner,
      AttemptRecord attempt,
      ImageDescription description,
      TaskOutcome outcome,
      Actor actor) {
    return tasks.conclude(
        taskId,
        leaseOwner,
        attempt,
        actor,
        task -> {
          ImageAsset image = em.find(ImageAsset.class, task.subjectId());
          if (image == null) {
            return new TaskOutcome.Failed(
                "discarded", "the image was deleted while it was being described");
          }
          image.describedByModel(description, task.id(), clock.instant());
          return outcome;
        });
  }

  private <T> Map<String, T> byId(List<String> ids, Class<T> type, Function<T, String> id) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.id IN :ids", type)
        .setParameter("ids", ids)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(id, Function.identity()));
  }

  private Predicate[] filters(
      CriteriaBuilder cb, CriteriaQuery<?> query, Root<ImageAsset> image, ImageQuery filter) {
    List<Predicate> predicates = new ArrayList<>();
    if (filter.owner() != null) {
      predicates.add(cb.equal(image.get("owner"), filter.owner()));
    }
    if (filter.aiGenerated() != null) {
      predicates.add(cb.equal(image.get("aiGenerated"), filter.aiGenerated()));
    }
    if (filter.review() != null) {
      predicates.add(cb.equal(image.get("reviewState"), filter.review()));
    }
    if (filter.status() != null) {
      var sub = query.subquery(String.class);
      Root<AiTask> task = sub.from(AiTask.class);
      sub.select(task.get("id")).where(cb.equal(task.get("status"), filter.status()));
      predicates.add(image.get("taskId").in(sub));
    }
    if (!Texts.isBlank(filter.label())) {
      predicates.add(cb.isMember(filter.label().trim(), image.<List<String>>get("labels")));
    }
    if (!Texts.isBlank(filter.text())) {
      String pattern = "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%";
      predicates.add(
          cb.or(
              cb.like(cb.lower(image.get("altText")), pattern),
              cb.like(cb.lower(image.get("filename")), pattern)));
    }
    return predicates.toArray(Predicate[]::new);
  }
}
