package dev.glimpse.web.api;

import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.review.TriageReason;
import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.task.AiTask;
import java.util.stream.Collectors;

/** Maps images of the domain to their API views; nothing else in the API touches an entity. */
final class ImageAssembler {

  private ImageAssembler() {}

  static ImageView toView(ImageListing listing) {
    ImageAsset image = listing.image();
    AiTask task = listing.task();
    return new ImageView(
        image.id(),
        image.filename(),
        image.contentType(),
        image.width(),
        image.height(),
        image.sizeBytes(),
        image.altText(),
        image.labels(),
        image.aiGenerated(),
        image.language(),
        new ImageView.Review(
            image.reviewState().name(),
            image.reviewedBy(),
            image.reviewedAt(),
            image.reviewNote(),
            image.awaitingReview(),
            image.triage().score(),
            image.triage().reasons().stream().map(TriageReason::label).toList(),
            FlagView.of(image.triage())),
        image.proposedAltText() == null
            ? null
            : new ImageView.Proposal(
                image.proposedAltText(), image.proposedLabels(), image.proposedPromptVersion()),
        task == null
            ? null
            : new ImageView.TaskSummary(
                task.id(),
                task.status().name(),
                task.attempts(),
                task.errorKind(),
                task.lastError(),
                task.updatedAt()),
        image.provider() == null
            ? null
            : new ImageView.Provenance(
                image.provider(),
                image.model(),
                image.promptVersion(),
                image.inputHash(),
                image.describedByTask()),
        image.createdAt());
  }

  static PageView<ImageView> toView(Page<ImageListing> page) {
    return new PageView<>(
        page.items().stream().map(ImageAssembler::toView).collect(Collectors.toList()),
        page.total(),
        page.page(),
        page.size());
  }
}
