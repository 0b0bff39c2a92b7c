package dev.glimpse.web.metrics;

import dev.glimpse.infrastructure.metrics.Metrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: this node's meters in the Prometheus text format, for a scraper. */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Metrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(PROMETHEUS_TEXT);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
