package dev.glimpse.web.api;

import dev.glimpse.domain.backfill.BackfillPlan;
import java.math.BigDecimal;

/**
 * The answer of a dry run.
 *
 * @param candidates the items of the scope that need the work now
 * @param items how many of them a backfill would hand to the queue: the candidates, within the cap
 * @param estimate what those items are expected to cost
 */
public record BackfillPlanView(
    String kind, long candidates, long items, Integer cap, Estimate estimate) {

  /**
   * @param tokens tokens in and out together; null when there is no basis
   * @param costUsd null when there is no basis, or the model has no price
   * @param basis what the estimate rests on, or why there is none
   */
  public record Estimate(Long tokens, BigDecimal costUsd, String basis) {}

  static BackfillPlanView of(BackfillPlan plan) {
    return new BackfillPlanView(
        plan.scope().kind().name(),
        plan.candidates(),
        plan.items(),
        plan.cap(),
        new Estimate(plan.estimate().tokens(), plan.estimate().costUsd(), plan.estimate().basis()));
  }
}
