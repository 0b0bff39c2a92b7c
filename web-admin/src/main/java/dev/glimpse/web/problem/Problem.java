package dev.glimpse.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, the body of every error answer of the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://glimpse.dev/problems/";

  /** A problem of type {@code slug} (documented in the README) with the given status. */
  public static Problem of(String slug, String title, Response.Status status, String detail) {
    return new Problem(TYPE_BASE + slug, title, status.getStatusCode(), detail, null);
  }

  /** This problem as a response. */
  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
