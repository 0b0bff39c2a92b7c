package dev.glimpse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The benchmarks' model: an Ollama {@code POST /api/chat} that answers every call after a fixed
 * latency, serving at most a fixed number of calls at once (its slots; further calls wait for one).
 * Vision calls get the corpus answer {@code ollama-ok-clean}, summary calls a summary. It counts
 * the calls per input (the image as sent, or the text), and the time its slots were busy, from
 * which the time a free slot waited for its next call follows.
 */
final class BenchModel implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // The JDK's server writes an answer's headers and body apart and, unless told otherwise,
    // with Nagle's algorithm: the body then waits for the client's delayed acknowledgement of the
    // headers, 40 ms on Linux, which would count as the model's time. Ollama's server sends at
    // once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** The tokens in and out a summary answer reports. */
  static final int SUMMARY_TOKENS_IN = 900;

  static final int SUMMARY_TOKENS_OUT = 60;

  private static final byte[] SUMMARY_ANSWER =
      ("{\"model\": \"llama3.2:3b\", \"message\": {\"role\": \"assistant\", \"content\": "
              + "\"{\\\"summary\\\": \\\""
              + OllamaStub.SUMMARY
              + "\\\", \\\"keyPoints\\\": [\\\"It is short.\\\"]}\"}, \"done_reason\": \"stop\","
              + " \"done\": true, \"prompt_eval_count\": "
              + SUMMARY_TOKENS_IN
              + ", \"eval_count\": "
              + SUMMARY_TOKENS_OUT
              + "}")
          .getBytes(StandardCharsets.UTF_8);

  private final byte[] visionAnswer =
      OllamaStub.exchange("ollama-ok-clean")
          .path("body")
          .toString()
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  private volatile Duration latency = Duration.ZERO;
  private volatile Semaphore slots = new Semaphore(1, true);
  private volatile int slotCount = 1;

  private final Map<String, AtomicInteger> visionCalls = new ConcurrentHashMap<>();
  private final AtomicInteger summaryCalls = new AtomicInteger();
  private final AtomicLong busyNanos = new AtomicLong();
  private final LongAccumulator firstStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);

  BenchModel() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException("the bench model cannot listen", e);
    }
    server.setExecutor(handlers);
    server.createContext("/api/chat", this::chat);
    server.start();
  }

  /** Where the servers under test reach it, as GLIMPSE_OLLAMA_URL. */
  URI url() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** Answers each call after {@code latency}, at most {@code slots} at once; forgets its counts. */
  void serve(Duration latency, int slots) {
    this.latency = latency;
    this.slots = new Semaphore(slots, true);
    this.slotCount = slots;
    visionCalls.clear();
    summaryCalls.set(0);
    busyNanos.set(0);
    firstStart.reset();
    lastEnd.reset();
  }

  /** The vision calls counted since {@link #serve}. */
  int visionCalls() {
    return visionCalls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** The images asked about since {@link #serve}, each counted once. */
  int distinctImages() {
    return visionCalls.size();
  }

  /** Calls beyond the first about the same image since {@link #serve}. */
  int duplicateVisionCalls() {
    return visionCalls() - distinctImages();
  }

  /** The summary calls counted since {@link #serve}. */
  int summaryCalls() {
    return summaryCalls.get();
  }

  /**
   * The mean time, in milliseconds, a slot stood free between the first call's start and the last
   * call's end, per call: how long a free slot waited for its next task.
   */
  double meanSlotWaitMillis() {
    int calls = visionCalls() + summaryCalls();
    if (calls == 0) {
      return 0;
    }
    double window = lastEnd.get() - firstStart.get();
    return (slotCount * window - busyNanos.get()) / calls / 1e6;
  }

  private void chat(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = MAPPER.readTree(exchange.getRequestBody());
      boolean summary = request.at("/format/properties/summary").isObject();
      Semaphore admitted = slots;
      admitted.acquireUninterruptibly();
      long started = System.nanoTime();
      try {
        firstStart.accumulate(started);
        if (summary) {
          summaryCalls.incrementAndGet();
        } else {
          visionCalls
              .computeIfAbsent(imageOf(request), image -> new AtomicInteger())
              .incrementAndGet();
        }
        sleep(latency);
        answer(exchange, summary ? SUMMARY_ANSWER : visionAnswer);
      } finally {
        long ended = System.nanoTime();
        busyNanos.addAndGet(ended - started);
        lastEnd.accumulate(ended);
        admitted.release();
      }
    }
  }

  private static String imageOf(JsonNode request) {
    for (JsonNode message : request.path("messages")) {
      JsonNode images = message.path("images");
      if (images.size() > 0) {
        return sha256(images.get(0).asText());
      }
    }
    return "no image";
  }

  private static void answer(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
