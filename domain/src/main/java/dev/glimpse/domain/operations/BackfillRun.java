package dev.glimpse.domain.operations;

import dev.glimpse.domain.backfill.BackfillStatus;
import java.time.Instant;

/**
 * A backfill running or paused, with its progress: done of the items it plans to hand over, and its
 * recent rate.
 *
 * @param statusBy who started, paused or resumed it last, and when ({@code statusAt})
 */
public record BackfillRun(
    String id, BackfillStatus status, String statusBy, Instant statusAt, Integer cap, Run run) {}
