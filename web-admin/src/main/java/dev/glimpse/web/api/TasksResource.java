package dev.glimpse.web.api;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskCommands;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskQuery;
import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.domain.task.TaskStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/tasks}: the AI tasks of the caller's items, their audit trail, failures grouped by
 * cause, and retries — one task, or every failure of one cause.
 */
@Path("/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

  @Inject TaskReads tasks;

  @Inject TaskCommands commands;

  @Inject TaskRunTrigger trigger;

  @Inject ProviderGate gate;

  @Context SecurityContext security;

  @GET
  public PageView<TaskView> list(
      @QueryParam("status") String status,
      @QueryParam("kind") String kind,
      @QueryParam("errorKind") String errorKind,
      @QueryParam("reason") String reason,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Page<AiTask> found = tasks.list(query(status, kind, errorKind, reason, page, size));
    Optional<String> heldBack = gate.state().publicHoldBack();
    return new PageView<>(
        found.items().stream().map(task -> TaskAssembler.toView(task, null, heldBack)).toList(),
        found.total(),
        found.page(),
        found.size());
  }

  @GET
  @Path("/{id}")
  public TaskView get(@PathParam("id") String id) {
    return TaskAssembler.toView(
        tasks.visible(id, ApiCaller.owner(security)),
        tasks.events(id),
        gate.state().publicHoldBack());
  }

  /** The caller's FAILED tasks grouped by cause, largest group first. */
  @GET
  @Path("/failures")
  public List<FailureGroupView> failures() {
    return tasks.failureGroups(ApiCaller.owner(security)).stream()
        .map(
            group ->
                new FailureGroupView(
                    group.errorKind(), group.errorKey(), group.count(), group.example()))
        .toList();
  }

  /** FAILED or FLAGGED → PENDING, with fresh attempts; 409 from any other state. */
  @POST
  @Path("/{id}/retry")
  public Response retry(@PathParam("id") String id) {
    AiTask task = commands.retry(id, ApiCaller.owner(security), ApiCaller.of(security));
    trigger.runSoon();
    return Response.accepted(
            TaskAssembler.toView(task, tasks.events(id), gate.state().publicHoldBack()))
        .build();
  }

  /**
   * Retries every task matching the filters ({@code status} FAILED or FLAGGED, and optionally
   * {@code kind}, {@code errorKind}, {@code reason}): one cause at a time.
   */
  @POST
  @Path("/retry")
  public Response retryAll(
      @QueryParam("status") String status,
      @QueryParam("kind") String kind,
      @QueryParam("errorKind") String errorKind,
      @QueryParam("reason") String reason) {
    if (status == null) {
      throw new IllegalArgumentException("status (FAILED or FLAGGED) is required");
    }
    int requeued =
        commands.retryAll(
            query(status, kind, errorKind, reason, 0, TaskQuery.MAX_SIZE), ApiCaller.of(security));
    if (requeued > 0) {
      trigger.runSoon();
    }
    return Response.accepted(Map.of("requeued", requeued)).build();
  }

  private TaskQuery query(
      String status, String kind, String errorKind, String reason, int page, int size) {
    return new TaskQuery(
        ApiCaller.owner(security),
        status == null ? null : Enums.parse(TaskStatus.class, "status", status),
        kind == null ? null : Enums.parse(TaskKind.class, "kind", kind),
        errorKind,
        reason,
        page,
        size);
  }
}
