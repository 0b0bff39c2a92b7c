package dev.glimpse.web.api;

import dev.glimpse.domain.document.Document;
import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.StoredSummary;
import dev.glimpse.domain.document.SummaryRead;
import dev.glimpse.domain.review.ReviewState;
import java.util.List;

/** Maps documents to their API views. */
final class DocumentAssembler {

  private DocumentAssembler() {}

  static DocumentView toView(DocumentListing listing) {
    Document document = listing.document();
    return new DocumentView(
        document.id(),
        document.title(),
        document.version(),
        document.language(),
        summary(SummaryRead.of(listing)),
        document.createdAt(),
        document.updatedAt());
  }

  static DocumentView.SummaryView summary(SummaryRead read) {
    StoredSummary summary = read.summary();
    String status = read.taskStatus() == null ? null : read.taskStatus().name();
    boolean flagged = read.flagged();
    if (summary == null) {
      return new DocumentView.SummaryView(
          null,
          List.of(),
          status,
          false,
          null,
          null,
          null,
          null,
          null,
          new DocumentView.Review(
              ReviewState.UNREVIEWED.name(), null, null, flagged, FlagView.of(read.waiting())));
    }
    return new DocumentView.SummaryView(
        summary.text(),
        summary.keyPoints(),
        status,
        read.summaryIsFresh(),
        summary.forVersion(),
        summary.promptVersion(),
        summary.provider(),
        summary.model(),
        summary.generatedAt(),
        new DocumentView.Review(
            summary.reviewState().name(),
            summary.reviewedBy(),
            summary.reviewedAt(),
            summary.proposalWaiting() || flagged,
            FlagView.of(read.waiting())));
  }
}
