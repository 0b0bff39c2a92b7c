package dev.glimpse.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps the status of JAX-RS's own errors (404 unknown path, 405, 406 …) but answers problem+json.
 */
@Provider
public class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    Response.StatusType status = original.getStatusInfo();
    Response.ResponseBuilder answer =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(
                new Problem(
                    Problem.TYPE_BASE + "http-" + status.getStatusCode(),
                    status.getReasonPhrase(),
                    status.getStatusCode(),
                    e.getMessage(),
                    null));
    String challenge = original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
    if (challenge != null) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      answer.header(HttpHeaders.ALLOW, allow);
    }
    return answer.build();
  }
}
