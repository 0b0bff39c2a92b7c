package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The benchmarks of {@code ./glimpse bench}, against the deployed EAR on PostgreSQL with the stub
 * model answering at once: what Glimpse itself costs, not the model. Prints a table and writes
 * {@code target/bench/results.json}; a figure beyond its target fails the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlimpseBench extends DeployedEarTest {

  private static final int WARM_UP = 200;
  private static final int READS = 2000;
  private static final int CLIENTS = 8;
  private static final int IMAGES = 60;
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Pattern HEAP =
      Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

  private static final List<Map<String, Object>> RESULTS = new ArrayList<>();

  @Test
  @Order(1)
  void cachedSummaryReads() throws Exception {
    ollama.answerSummaries();
    String id =
        api.sendJson(
                "POST",
                "api/v1/documents",
                Map.of(
                    "title", "Terms", "text", "Keys are secret. Report misuse.", "language", "en"),
                Map.of())
            .body()
            .path("id")
            .asText();
    api.await(
        "api/v1/documents/" + id + "/summary", body -> body.path("fresh").asBoolean(), PATIENCE);
    String path = "api/v1/documents/" + id + "/summary";
    for (int i = 0; i < WARM_UP; i++) {
      api.get(path);
    }

    double[] sequential = timedReads(path, READS);
    record("cached summary read, one client", "ms", sequential, 10, 50);

    long started = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<double[]>> each = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      each.add(clients.submit(() -> timedReads(path, READS / CLIENTS)));
    }
    double[] concurrent = new double[0];
    for (Future<double[]> future : each) {
      concurrent = concat(concurrent, future.get());
    }
    clients.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    record("cached summary read, " + CLIENTS + " clients", "ms", concurrent, 25, 150);
    result("cached summary reads per second, " + CLIENTS + " clients", "1/s", READS / seconds, 200);
    assertThat(ollama.summaryRequests()).hasSize(1);
  }

  @Test
  @Order(2)
  void imagesThroughThePipeline() {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.resource("/corpus/images/chelsea.png");
    long started = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      byte[] copy = GlimpseClient.uniqueCopy(png);
      ids.add(api.uploadImage("bench-" + i + ".png", copy, "image/png").body().path("id").asText());
    }
    double uploadSeconds = (System.nanoTime() - started) / 1e9;
    for (String id : ids) {
      api.await(
          "api/v1/images/" + id,
          body -> "COMPLETED".equals(body.at("/task/status").asText()),
          PATIENCE);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    result("image uploads per second", "1/s", IMAGES / uploadSeconds, 5);
    result(
        "images described per minute (stub model, no latency)", "1/min", IMAGES * 60 / seconds, 60);
    result("server heap in use afterwards", "MiB", heapMiB(), null);
  }

  private double heapMiB() {
    Matcher heap = HEAP.matcher(api.text("metrics"));
    double bytes = 0;
    while (heap.find()) {
      bytes += Double.parseDouble(heap.group(1));
    }
    return bytes / (1024 * 1024);
  }

  private double[] timedReads(String path, int count) {
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      int status = api.get(path).status();
      millis[i] = (System.nanoTime() - started) / 1e6;
      if (status != 200) {
        throw new AssertionError("a cached read answered " + status);
      }
    }
    return millis;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }

  /** Records the median and 99th percentile of {@code samples}, each against its upper target. */
  private static void record(
      String name, String unit, double[] samples, double medianTarget, double p99Target) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    result(name + " (median)", unit, percentile(sorted, 0.5), -medianTarget);
    result(name + " (p99)", unit, percentile(sorted, 0.99), -p99Target);
  }

  /**
   * Records a figure; {@code target} is a lower bound when positive, an upper bound (its absolute
   * value) when negative, and none when null.
   */
  private static void result(String name, String unit, double value, Number target) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("unit", unit);
    row.put("value", Math.round(value * 100) / 100.0);
    if (target != null) {
      double bound = target.doubleValue();
      row.put(bound < 0 ? "atMost" : "atLeast", Math.abs(bound));
      row.put("met", bound < 0 ? value <= -bound : value >= bound);
    }
    RESULTS.add(row);
  }

  @AfterAll
  static void report() throws IOException {
    StringBuilder table =
        new StringBuilder(String.format("%n%-62s %12s  %-14s%n", "benchmark", "value", "target"));
    for (Map<String, Object> row : RESULTS) {
      String target =
          row.containsKey("atMost")
              ? "≤ " + row.get("atMost")
              : row.containsKey("atLeast") ? "≥ " + row.get("atLeast") : "";
      String met = !row.containsKey("met") ? "" : (Boolean) row.get("met") ? "met" : "MISSED";
      table.append(
          String.format(
              "%-62s %12s  %-14s %s%n",
              row.get("name"), row.get("value") + " " + row.get("unit"), target, met));
    }
    System.out.println(table);
    Path out = Path.of(System.getProperty("glimpse.bench.out", "target/bench"));
    Files.createDirectories(out);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), Map.of("results", RESULTS));
    assertThat(RESULTS).allMatch(row -> !Boolean.FALSE.equals(row.get("met")));
  }
}
