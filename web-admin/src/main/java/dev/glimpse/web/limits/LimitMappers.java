package dev.glimpse.web.limits;

import dev.glimpse.web.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The answers to a client over one of its limits. */
public final class LimitMappers {

  private LimitMappers() {}

  /** 429 with {@code Retry-After} in whole seconds, at least one. */
  @Provider
  public static class LimitReached implements ExceptionMapper<LimitReachedException> {
    @Override
    public Response toResponse(LimitReachedException e) {
      return Response.fromResponse(
              Problem.of(
                      "too-many-requests",
                      "Limit of " + e.limit() + " reached",
                      Response.Status.TOO_MANY_REQUESTS,
                      e.getMessage())
                  .toResponse())
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(e))
          .build();
    }

    private static long retryAfterSeconds(LimitReachedException e) {
      long millis = e.retryAfter().toMillis();
      return Math.max(1, (millis + 999) / 1000);
    }
  }

  /**
   * 413 for a body over its limit. The connection is closed after the answer, so that the rest of
   * the body is not read to keep it open.
   */
  @Provider
  public static class BodyTooLarge implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
      return Response.fromResponse(
              Problem.of(
                      "body-too-large",
                      "Request body too large",
                      Response.Status.REQUEST_ENTITY_TOO_LARGE,
                      e.getMessage())
                  .toResponse())
          .header("Connection", "close")
          .build();
    }
  }
}
