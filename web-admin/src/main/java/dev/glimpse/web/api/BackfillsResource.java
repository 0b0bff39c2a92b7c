package dev.glimpse.web.api;

import dev.glimpse.domain.backfill.BackfillProgress;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/v1/backfills}: work through the caller's items that lack a description or a current
 * summary. A dry run ({@code ?dryRun=true}) counts and prices; a backfill then hands the items to
 * the queue in pages, and can be paused, resumed and cancelled.
 */
@Path("/v1/backfills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackfillsResource {

  private static final int RECENT = 50;

  @Inject Backfills backfills;

  @Inject TaskRunTrigger trigger;

  @Context SecurityContext security;

  @Context UriInfo uri;

  /** A dry run (200 with the count and the estimate), or the start of a backfill (201). */
  @POST
  public Response start(@QueryParam("dryRun") String dryRunParameter, BackfillRequest request) {
    boolean dryRun = dryRun(dryRunParameter);
    if (request == null) {
      throw new IllegalArgumentException(
          "a body is required, such as {\"kind\": \"DESCRIBE_IMAGE\"}");
    }
    String owner = ApiCaller.owner(security);
    if (dryRun) {
      return Response.ok(BackfillPlanView.of(backfills.plan(request.scope(owner), request.cap())))
          .build();
    }
    BackfillProgress started =
        backfills.start(
            request.scope(owner), request.cap(), request.taskPriority(), ApiCaller.of(security));
    trigger.runSoon();
    return Response.created(uri.getAbsolutePathBuilder().path(started.backfill().id()).build())
        .entity(BackfillView.of(started))
        .build();
  }

  /** {@code dryRun} as sent: only true or false, so that a typo never starts a backfill. */
  private static boolean dryRun(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true") || value.isEmpty()) {
      return true;
    }
    throw new IllegalArgumentException("dryRun must be true or false, not '" + value + "'");
  }

  /** The caller's most recent backfills, newest first. */
  @GET
  public List<BackfillView> list() {
    return backfills.recent(ApiCaller.owner(security), RECENT).stream()
        .map(BackfillView::of)
        .toList();
  }

  @GET
  @Path("/{id}")
  public BackfillView get(@PathParam("id") String id) {
    return BackfillView.of(backfills.find(id, ApiCaller.owner(security)));
  }

  /** Cancels the backfill; what it handed to the queue finishes. 409 once it is over. */
  @DELETE
  @Path("/{id}")
  public BackfillView cancel(@PathParam("id") String id) {
    return BackfillView.of(backfills.cancel(id, ApiCaller.owner(security), ApiCaller.of(security)));
  }

  /** Pauses a running backfill; 409 from any other state. */
  @POST
  @Path("/{id}/pause")
  public BackfillView pause(@PathParam("id") String id) {
    return BackfillView.of(backfills.pause(id, ApiCaller.owner(security), ApiCaller.of(security)));
  }

  /** Resumes a paused backfill where it stopped; 409 from any other state. */
  @POST
  @Path("/{id}/resume")
  public BackfillView resume(@PathParam("id") String id) {
    BackfillProgress resumed =
        backfills.resume(id, ApiCaller.owner(security), ApiCaller.of(security));
    trigger.runSoon();
    return BackfillView.of(resumed);
  }
}
