package dev.glimpse.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/** 400 for a request body the API cannot read: JSON that is not the JSON asked for, or broken. */
public final class RequestBodyMappers {

  private RequestBodyMappers() {}

  /**
   * 400 for JSON that does not parse (syntax, depth, a field twice, trailing text) or does not fit
   * (a number where text belongs, an unknown field), naming where it went wrong.
   */
  @Provider
  public static class BadJson implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 0
              ? ""
              : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      return Problem.of(
              "bad-json",
              "The JSON body could not be read",
              Response.Status.BAD_REQUEST,
              firstLine(e.getOriginalMessage()) + where)
          .toResponse();
    }
  }

  /** 400 for a body that broke off or whose framing is wrong (a multipart without a boundary). */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<IOException> {
    @Override
    public Response toResponse(IOException e) {
      return Problem.of(
              "unreadable-body",
              "The request body could not be read",
              Response.Status.BAD_REQUEST,
              firstLine(e.getMessage()))
          .toResponse();
    }
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "The body broke off or is not in the format its Content-Type names.";
    }
    String line = message.lines().findFirst().orElse(message).strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
