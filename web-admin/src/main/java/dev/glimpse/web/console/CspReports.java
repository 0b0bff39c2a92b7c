package dev.glimpse.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.domain.support.Streams;
import dev.glimpse.web.WebLog;
import io.github.bucket4j.Bucket;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /csp-report}: the reports browsers send of what the console's Content Security Policy
 * blocked ({@code report-uri} in web.xml), logged as warnings with the blocked script's first
 * characters, so that an operator sees an attack, or a page the policy breaks. Anyone may send one:
 * a report is read up to 16 KiB, every value is bounded and stripped of control characters, and at
 * most 20 a minute are logged on a node.
 */
@WebServlet("/csp-report")
public class CspReports extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int MAX_BYTES = 16 * 1024;
  private static final int MAX_VALUE = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient Bucket logged =
      Bucket.builder()
          .addLimit(limit -> limit.capacity(20).refillGreedy(20, Duration.ofMinutes(1)))
          .build();

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<byte[]> body = Streams.readAtMost(request.getInputStream(), MAX_BYTES);
    if (body.isEmpty()) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    JsonNode report;
    try {
      report = JSON.readTree(body.get()).path("csp-report");
    } catch (IOException notJson) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (report.isObject() && logged.tryConsume(1)) {
      WebLog.LOG.contentSecurityPolicyViolation(
          value(report, "document-uri"),
          value(report, "violated-directive"),
          value(report, "blocked-uri"),
          value(report, "source-file")
              + ":"
              + value(report, "line-number")
              + ":"
              + value(report, "column-number"),
          value(report, "script-sample"));
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private static String value(JsonNode report, String field) {
    return ConsoleIdentityStore.loggable(report.path(field).asText(""), MAX_VALUE);
  }
}
