package dev.glimpse.domain.review;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.SummaryStore;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a person or an API client decides about a document's summary: approve it (or the result
 * waiting beside it), write it, or reject it. Each decision is one entry in the audit trail of the
 * document's latest summary task.
 */
@ApplicationScoped
public class SummaryReview {

  private static final Logger LOG = Logger.getLogger(SummaryReview.class);

  /** The most key points a summary keeps. */
  public static final int MAX_KEY_POINTS = 12;

  @Inject DocumentService documents;

  @Inject SummaryStore store;

  @Inject TextHistory history;

  Clock clock = Clock.systemUTC();

  /**
   * Approves the result waiting for a person, which is then served, or else the summary served.
   *
   * @throws ReviewConflictException when there is nothing to approve
   */
  @Transactional
  public void approve(String documentId, String owner, String note, Actor actor) {
    DocumentListing listing = documents.find(documentId, owner);
    String approved = store.approve(documentId, actor.name(), note);
    Decisions.accepted(
        listing.task(), actor, "approved", Decisions.withNote(approved, note), clock.instant());
    LOG.infof("Document(id=%s) summary approved by %s", documentId, actor);
  }

  /**
   * A person's summary of the document as it is now, if the summary is still at {@code
   * expectedVersion} (0: none is served yet). It is served and no model result replaces it.
   *
   * @throws VersionConflictException when the summary moved on
   */
  @Transactional
  public void edit(
      String documentId,
      String owner,
      long expectedVersion,
      String text,
      List<String> keyPoints,
      String note,
      Actor actor) {
    DocumentListing listing = documents.find(documentId, owner);
    long current = store.version(documentId);
    if (current != expectedVersion) {
      throw new VersionConflictException(
          "The summary of document", documentId, expectedVersion, current);
    }
    if (Texts.isBlank(text)) {
      throw new IllegalArgumentException("text must not be empty");
    }
    List<String> points = cleanKeyPoints(keyPoints);
    Instant now = clock.instant();
    store.write(listing.document(), text.strip(), points, actor.name(), note);
    history.written(
        ContentKind.SUMMARIES,
        documentId,
        text.strip(),
        points,
        actor,
        listing.task() == null ? null : listing.task().id(),
        now);
    Decisions.accepted(
        listing.task(),
        actor,
        "edited",
        Decisions.withNote("a person wrote the summary", note),
        now);
    LOG.infof("Document(id=%s) summary written by %s", documentId, actor);
  }

  /**
   * Turns the model's summary down and has a new one made, unless a person's summary stands.
   * Returns whether a new one is on its way.
   *
   * @throws ReviewConflictException when only a person's summary is there to reject
   */
  @Transactional
  public boolean reject(String documentId, String owner, String note, Actor actor) {
    DocumentListing listing = documents.find(documentId, owner);
    boolean again = store.reject(documentId);
    Instant now = clock.instant();
    Decisions.rejected(
        listing.task(),
        again,
        actor,
        Decisions.withNote("the model's summary was rejected", note),
        now);
    LOG.infof("Document(id=%s) summary rejected by %s", documentId, actor);
    return again;
  }

  private static List<String> cleanKeyPoints(List<String> keyPoints) {
    if (keyPoints == null) {
      return List.of();
    }
    List<String> clean =
        keyPoints.stream().filter(point -> !Texts.isBlank(point)).map(String::strip).toList();
    if (clean.size() > MAX_KEY_POINTS) {
      throw new IllegalArgumentException("a summary has at most " + MAX_KEY_POINTS + " key points");
    }
    if (clean.stream().anyMatch(point -> point.length() > 1000 || point.contains("\n"))) {
      throw new IllegalArgumentException("a key point has at most 1000 characters on one line");
    }
    return clean;
  }
}
