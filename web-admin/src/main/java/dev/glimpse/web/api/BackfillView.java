package dev.glimpse.web.api;

import dev.glimpse.domain.backfill.Backfill;
import dev.glimpse.domain.backfill.BackfillProgress;
import dev.glimpse.domain.backfill.BackfillScope;
import java.time.Instant;

/**
 * A backfill as the API shows it.
 *
 * @param planned the items it will hand to the queue: the candidates when it started, within the
 *     cap; once it has handed over all it will, what it handed over
 * @param handedOver items it handed to the queue so far
 * @param passedOver candidates that no longer needed the work when their turn came
 * @param done handed-over items whose task ended (COMPLETED, FLAGGED or FAILED)
 * @param waiting handed-over items whose task waits or runs
 * @param statusBy who started, paused, resumed or cancelled it last, at {@code statusAt}
 */
public record BackfillView(
    String id,
    String kind,
    String status,
    BackfillRequest.Filter filter,
    Integer cap,
    String priority,
    int planned,
    int handedOver,
    int passedOver,
    long done,
    long failed,
    long waiting,
    int percent,
    String statusBy,
    Instant statusAt,
    String createdBy,
    Instant createdAt,
    Instant finishedAt) {

  static BackfillView of(BackfillProgress progress) {
    Backfill backfill = progress.backfill();
    BackfillScope scope = backfill.scope();
    return new BackfillView(
        backfill.id(),
        backfill.kind().name(),
        backfill.status().name(),
        new BackfillRequest.Filter(
            scope.text(), scope.errorKind(), scope.uploadedFrom(), scope.uploadedBefore()),
        backfill.cap(),
        backfill.priority().name(),
        backfill.planned(),
        backfill.enqueued(),
        backfill.skipped(),
        progress.done(),
        progress.failed(),
        progress.waiting(),
        progress.percent(),
        backfill.statusBy(),
        backfill.statusAt(),
        backfill.createdBy(),
        backfill.createdAt(),
        backfill.finishedAt());
  }
}
