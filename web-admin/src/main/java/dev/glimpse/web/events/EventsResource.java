package dev.glimpse.web.events;

import dev.glimpse.web.api.ApiCaller;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/events}: a server-sent event stream of the caller's task changes, event {@code
 * task}; {@code Last-Event-ID} replays what a reconnecting client missed, from the event log, or
 * starts with a {@code reset} event when that is older than the retention window.
 */
@Path("/v1/events")
public class EventsResource {

  @Inject EventStreams streams;

  @Context SecurityContext security;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void subscribe(
      @Context SseEventSink sink,
      @Context Sse sse,
      @Context HttpServletRequest request,
      @HeaderParam("Last-Event-ID") String lastEventId) {
    streams.open(
        ApiCaller.owner(security), sink, sse, request.getAsyncContext(), lastEventId(lastEventId));
  }

  private static Long lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Last-Event-ID must be an event id from this stream");
    }
  }
}
