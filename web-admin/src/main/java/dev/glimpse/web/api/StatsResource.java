package dev.glimpse.web.api;

import dev.glimpse.domain.events.EventFeed;
import dev.glimpse.domain.operations.OperationsFigures;
import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.infrastructure.metrics.Metrics;
import dev.glimpse.infrastructure.metrics.SummaryReads;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/stats}: the caller's tasks by status (across the cluster), the cluster's pace
 * as the dashboard shows it, and how the node that answers has served summary reads and called
 * models since it started.
 */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

  @Inject TaskReads tasks;

  @Inject SummaryReads summaryReads;

  @Inject Metrics metrics;

  @Inject OperationsFigures operations;

  @Inject EventFeed events;

  @Context SecurityContext security;

  /**
   * The caller's tasks; for an admin client also the cluster's and this node's figures, which tell
   * of every client's work.
   */
  @GET
  public StatsView stats() {
    if (!security.isUserInRole(ApiKeyFilter.ADMIN)) {
      return StatsView.ofClient(tasks.countByStatus(ApiCaller.owner(security)));
    }
    return new StatsView(
        tasks.countByStatus(ApiCaller.owner(security)),
        ClusterStatsView.of(operations.current()),
        summaryReads.stats(),
        metrics.modelCalls(),
        events.transport(),
        events.subscriberCount(),
        events.droppedSubscribers());
  }
}
