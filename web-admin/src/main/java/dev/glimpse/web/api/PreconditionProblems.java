package dev.glimpse.web.api;

import dev.glimpse.web.problem.Problem;
import jakarta.ws.rs.core.Response;

/** Reading {@code If-Match}, and the 428 for a write without one. */
final class PreconditionProblems {

  private PreconditionProblems() {}

  static Response required() {
    return Problem.of(
            "precondition-required",
            "Precondition required",
            Response.Status.PRECONDITION_REQUIRED,
            "Send If-Match with the ETag of the version you edited.")
        .toResponse();
  }

  /** The version an {@code If-Match} value names: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static long version(String ifMatch) {
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must be an ETag, such as \"3\"", e);
    }
  }
}
