package dev.glimpse.domain.review;

import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskVerb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a person (in the console) or an API client decides about an image's ALT text: approve it,
 * write it, reject it, or have it made again. The console and the API both come here, and each
 * decision is one entry in the audit trail of the image's task, naming who made it.
 */
@ApplicationScoped
public class ImageReview {

  private static final Logger LOG = Logger.getLogger(ImageReview.class);

  /** The most labels an image keeps. */
  public static final int MAX_LABELS = 30;

  @Inject ImageService images;

  @Inject TextHistory history;

  Clock clock = Clock.systemUTC();

  /**
   * Accepts the image's text, or the proposal waiting beside it.
   *
   * @throws ReviewConflictException when there is no text to approve
   */
  @Transactional
  public ImageListing approve(String id, String owner, String note, Actor actor) {
    ImageListing listing = images.find(id, owner);
    Instant now = clock.instant();
    String approved = listing.image().approve(actor.name(), now);
    Decisions.accepted(listing.task(), actor, "approved", Decisions.withNote(approved, note), now);
    LOG.infof("Image(id=%s) approved by %s", id, actor);
    return listing;
  }

  /**
   * Keeps the image's current text and drops the model's proposal waiting beside it, such as the
   * text of a new prompt version: a model's current text is then approved.
   *
   * @throws ReviewConflictException when no proposal waits
   */
  @Transactional
  public ImageListing keepCurrent(String id, String owner, String note, Actor actor) {
    ImageListing listing = images.find(id, owner);
    Instant now = clock.instant();
    listing.image().keepCurrent(actor.name(), note, now);
    Decisions.accepted(
        listing.task(),
        actor,
        "kept-current",
        Decisions.withNote("the current text was kept; the proposal was dropped", note),
        now);
    LOG.infof("Image(id=%s) kept its current text, decided by %s", id, actor);
    return listing;
  }

  /**
   * Replaces the image's text and labels with a person's: they stand, approved as EDITED, and no
   * model result replaces them later.
   *
   * @param expectedVersion the version the edit is based on, or null when the caller holds none
   * @param labels the new labels, or null to keep the current ones
   * @throws VersionConflictException when the image moved on since {@code expectedVersion}
   */
  @Transactional
  public ImageListing edit(
      String id,
      String owner,
      Long expectedVersion,
      String altText,
      List<String> labels,
      String note,
      Actor actor) {
    ImageListing listing = images.find(id, owner);
    ImageAsset image = listing.image();
    if (expectedVersion != null && image.version() != expectedVersion) {
      throw new VersionConflictException("Image", id, expectedVersion, image.version());
    }
    String text = altText == null ? image.altText() : altText.strip();
    if (Texts.isBlank(text)) {
      throw new IllegalArgumentException("altText must not be empty");
    }
    if (text.length() > ImageAsset.ALT_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "altText must have at most " + ImageAsset.ALT_TEXT_LENGTH + " characters");
    }
    List<String> newLabels = labels == null ? image.labels() : cleanLabels(labels);
    Instant now = clock.instant();
    image.edit(text, newLabels, actor.name(), now);
    history.written(ContentKind.IMAGES, id, text, newLabels, actor, image.taskId(), now);
    Decisions.accepted(
        listing.task(),
        actor,
        "edited",
        Decisions.withNote("a person wrote the ALT text", note),
        now);
    LOG.infof("Image(id=%s) edited by %s", id, actor);
    return listing;
  }

  /**
   * Turns the model's text down. A proposal beside a person's text is dropped; otherwise the text
   * is marked REJECTED and made again at once. Returns whether a new attempt was queued.
   *
   * @throws ReviewConflictException when the text was written by a person
   */
  @Transactional
  public boolean reject(String id, String owner, String note, Actor actor) {
    ImageListing listing = images.find(id, owner);
    Instant now = clock.instant();
    boolean again = listing.image().reject(actor.name(), note, now);
    String message =
        Decisions.withNote(
            again ? "the model's text was rejected" : "the proposal was rejected", note);
    boolean queued = Decisions.rejected(listing.task(), again, actor, message, now);
    LOG.infof("Image(id=%s) rejected by %s%s", id, actor, queued ? "; described again" : "");
    return queued;
  }

  /**
   * Has the image described again now (HIGH), unless a task is already on it. Text a person wrote
   * or approved stays; the new result waits beside it. Returns the image with its task.
   */
  @Transactional
  public ImageListing regenerate(String id, String owner, Actor actor) {
    ImageListing listing = images.find(id, owner);
    AiTask task = listing.task();
    Instant now = clock.instant();
    if (task == null) {
      task = images.enqueueDescription(listing.image(), TaskPriority.HIGH, actor);
    } else if (TaskVerb.REGENERATE.allowedFrom(task.status())) {
      task.regenerate(actor, TaskPriority.HIGH, now);
    }
    LOG.infof("Image(id=%s) to be described again, asked by %s", id, actor);
    return new ImageListing(listing.image(), task);
  }

  private static List<String> cleanLabels(List<String> labels) {
    List<String> clean =
        labels.stream()
            .filter(label -> label != null && !label.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
    if (clean.size() > MAX_LABELS) {
      throw new IllegalArgumentException("an image has at most " + MAX_LABELS + " labels");
    }
    if (clean.stream().anyMatch(label -> label.length() > 100 || label.contains("\n"))) {
      throw new IllegalArgumentException("a label has at most 100 characters on one line");
    }
    return clean;
  }
}
