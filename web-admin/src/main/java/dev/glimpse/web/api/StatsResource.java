package dev.glimpse.web.api;

import dev.glimpse.domain.document.SummaryReads;
import dev.glimpse.domain.events.EventRelay;
import dev.glimpse.domain.metrics.Metrics;
import dev.glimpse.domain.task.TaskGauges;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/stats}: the figures of the console's dashboard. Task counts hold for the
 * cluster; summary reads and model calls for the node that answers, since it started.
 */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

  @Inject TaskGauges tasks;

  @Inject SummaryReads summaryReads;

  @Inject Metrics metrics;

  @Inject EventRelay events;

  @GET
  public StatsView stats() {
    return new StatsView(
        tasks.counts(), summaryReads.stats(), metrics.modelCalls(), events.transport());
  }
}
