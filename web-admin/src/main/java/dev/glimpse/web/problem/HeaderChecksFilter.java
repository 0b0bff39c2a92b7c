package dev.glimpse.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Answers a request to the API whose {@code Content-Type} or {@code Accept} is not a media type
 * with a 400 problem, before JAX-RS fails on it with the container's HTML error page. It supports
 * asynchronous requests, as every filter before the event stream and the summary's wait must.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class HeaderChecksFilter extends HttpFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String wrong = unparsable("Content-Type", request.getHeader("Content-Type"));
    if (wrong == null) {
      wrong = unparsable("Accept", request.getHeader("Accept"));
    }
    if (wrong == null) {
      chain.doFilter(request, response);
      return;
    }
    Problem problem =
        Problem.of("bad-header", "A header is malformed", Response.Status.BAD_REQUEST, wrong);
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** Why {@code value} of header {@code name} is no (list of) media type(s), or null if it is. */
  private static String unparsable(String name, String value) {
    if (value == null) {
      return null;
    }
    for (String type : value.split(",")) {
      try {
        MediaType parsed = MediaType.valueOf(type.strip());
        if (parsed.getType().isEmpty() || parsed.getSubtype().contains("/")) {
          return name + " '" + value + "' is not a media type.";
        }
      } catch (IllegalArgumentException e) {
        return name + " '" + value + "' is not a media type.";
      }
    }
    return null;
  }
}
