package dev.glimpse.web.metrics;

import dev.glimpse.infrastructure.metrics.Metrics;
import dev.glimpse.web.api.ApiCredentials;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * {@code GET /metrics}: this node's meters in the Prometheus text format, for a scraper. With
 * {@code GLIMPSE_METRICS_KEY} set, only a request that carries it as a bearer token gets them.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Metrics metrics;

  @Inject Config config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!admitted(request)) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"glimpse-metrics\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(PROMETHEUS_TEXT);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private boolean admitted(HttpServletRequest request) {
    Optional<String> expected =
        config.getOptionalValue("glimpse.metrics-key", String.class).filter(key -> !key.isBlank());
    if (expected.isEmpty()) {
      return true;
    }
    String given = ApiCredentials.bearerKey(request.getHeader("Authorization"));
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            expected.get().getBytes(StandardCharsets.UTF_8));
  }
}
