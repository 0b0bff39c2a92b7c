package dev.glimpse.web.problem;

import dev.glimpse.web.WebLog;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Anything no other mapper knows: 500 as problem+json, with an id that is also in the server log,
 * and nothing of the exception in the answer.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Context UriInfo uri;

  @Context Request request;

  @Override
  public Response toResponse(Throwable e) {
    String id = UUID.randomUUID().toString();
    WebLog.LOG.requestFailed(request.getMethod(), uri.getPath(), id, e);
    return new Problem(
            Problem.TYPE_BASE + "internal-error",
            "Internal server error",
            500,
            "The server could not answer; the operator can find problem " + id + " in its log.",
            "urn:uuid:" + id)
        .toResponse();
  }
}
