package dev.glimpse.web.console.review;

import dev.glimpse.domain.document.Document;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.StoredSummary;
import dev.glimpse.domain.document.SummaryProposal;
import dev.glimpse.domain.document.SummaryStore;
import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.review.ContentKind;
import dev.glimpse.domain.review.ReviewItem;
import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.review.TriageReason;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.TaskEvent;
import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.domain.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what the review page shows of a waiting item. */
@ApplicationScoped
public class ReviewCards {

  /** How much of a document's text the page shows beside its summary. */
  static final int OPENING_CHARS = 1200;

  @Inject ImageService images;

  @Inject DocumentService documents;

  @Inject SummaryStore summaries;

  @Inject TaskReads tasks;

  /** The card of {@code item}, or empty when it no longer waits (someone else decided). */
  @Transactional
  public Optional<ReviewCard> of(ReviewItem item) {
    try {
      return item.kind() == ContentKind.IMAGES ? image(item.id()) : summary(item.id());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private Optional<ReviewCard> image(String id) {
    ImageListing listing = images.find(id, null);
    ImageAsset image = listing.image();
    if (!image.awaitingReview()) {
      return Optional.empty();
    }
    boolean proposal = image.proposedAltText() != null;
    String refusal = null;
    if (listing.task() != null
        && listing.task().status() == TaskStatus.FLAGGED
        && image.altText() == null
        && !proposal) {
      refusal = lastFlag(listing.task().id());
    }
    return Optional.of(
        new ReviewCard(
            ContentKind.IMAGES,
            id,
            image.filename() == null ? id : image.filename(),
            null,
            proposal ? image.proposedAltText() : image.altText(),
            proposal ? image.proposedLabels() : image.labels(),
            proposal ? image.altText() : null,
            refusal,
            labels(image.triage().reasons()),
            findings(image.triage()),
            image.triage().score(),
            image.provider() == null ? null : image.provider() + "/" + image.model(),
            image.promptVersion(),
            image.language(),
            image.version()));
  }

  private Optional<ReviewCard> summary(String documentId) {
    Optional<SummaryProposal> waiting = summaries.waiting(documentId);
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    SummaryProposal proposal = waiting.get();
    var listing = documents.find(documentId, null);
    Document document = listing.document();
    StoredSummary standing = listing.summary();
    String text = document.text();
    return Optional.of(
        new ReviewCard(
            ContentKind.SUMMARIES,
            documentId,
            document.title(),
            text.length() > OPENING_CHARS ? text.substring(0, OPENING_CHARS) + " …" : text,
            proposal.text(),
            proposal.keyPoints(),
            standing == null ? null : standing.text(),
            proposal.refusal(),
            labels(proposal.triage().reasons()),
            findings(proposal.triage()),
            proposal.triage().score(),
            proposal.provider() == null ? null : proposal.provider() + "/" + proposal.model(),
            proposal.promptVersion(),
            document.language(),
            summaries.version(documentId)));
  }

  private String lastFlag(String taskId) {
    List<TaskEvent> events = tasks.events(taskId);
    for (int i = events.size() - 1; i >= 0; i--) {
      if ("flagged".equals(events.get(i).step())) {
        return events.get(i).message();
      }
    }
    return null;
  }

  /** What was found, beyond a refusal, which the card shows on its own. */
  private static List<String> findings(Triage triage) {
    return triage.notes().entrySet().stream()
        .filter(note -> note.getKey() != TriageReason.REFUSED)
        .map(Map.Entry::getValue)
        .toList();
  }

  private static List<String> labels(Set<TriageReason> reasons) {
    return reasons.stream().map(TriageReason::label).toList();
  }
}
