package dev.glimpse.domain.backfill;

/**
 * The answer of a dry run: what a backfill would do if it started now.
 *
 * @param candidates the items of the scope that need the work
 * @param items how many of them it would hand to the queue: the candidates, within the cap
 * @param estimate what those items are expected to cost
 */
public record BackfillPlan(
    BackfillScope scope, long candidates, long items, Integer cap, BackfillEstimate estimate) {}
