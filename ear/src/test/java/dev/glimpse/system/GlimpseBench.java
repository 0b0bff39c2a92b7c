package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.batch.image.ImagePreparer;
import dev.glimpse.domain.image.ImageCodecs;
import dev.glimpse.system.BenchTable.Row;
import dev.glimpse.system.BenchTable.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The benchmarks of {@code ./glimpse bench}: Glimpse measured against what the machine allows, each
 * figure beside a reference taken in the same run (the model's own limit, a bare claim loop, the
 * server's floor, a plain decode), so that the ratios hold on a noisy machine. The suite's server
 * runs with a 512 MiB heap and talks to {@link BenchModel}. Prints a table, writes {@code
 * target/bench/results.json}, and fails when a figure misses its target. {@code
 * -Dglimpse.bench.quick=true} runs smaller samples of the same rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlimpseBench extends DeployedEarTest {

  private static final boolean QUICK = Boolean.getBoolean("glimpse.bench.quick");

  private static final Duration LATENCY = Duration.ofMillis(500);
  private static final int SLOTS = 4;
  private static final int PIPELINE_IMAGES = QUICK ? 160 : 1000;
  private static final int CEILING_SLOTS = 16;
  private static final int CEILING_TASKS = QUICK ? 300 : 1000;
  private static final int UPLOAD_CLIENTS = 20;
  private static final int UPLOADS = QUICK ? 400 : 2000;
  private static final int READS = QUICK ? 400 : 2000;
  private static final int READ_CLIENTS = 8;
  private static final int CACHE_DOCUMENTS = QUICK ? 10 : 50;
  private static final int CACHE_READS = QUICK ? 200 : 1000;
  private static final int PREPARATIONS = QUICK ? 3 : 7;
  private static final int LARGE_IMAGES = QUICK ? 100 : 1000;
  private static final int LARGE_UPLOADERS = 4;
  private static final Duration PATIENCE = Duration.ofMinutes(15);

  private static final Pattern METRIC =
      Pattern.compile("(?m)^(glimpse_summary_[a-z_]+(?:\\{result=\"[a-z]+\"})?) ([0-9.E+]+)$");

  private static final BenchTable TABLE = new BenchTable();
  private static final BenchModel MODEL = new BenchModel();
  private static double oneNodePerSecond;

  @ArquillianResource ContainerController controller;
  @ArquillianResource Deployer deployer;

  @Deployment(name = "second", managed = false, testable = false)
  @TargetsContainer("second")
  static EnterpriseArchive secondNode() {
    return ServerNode.application();
  }

  /** Points the suite's server at the bench model, with {@value #SLOTS} model slots. */
  @BeforeAll
  static void talkToTheBenchModel() {
    TABLE.setting("quick", QUICK);
    TABLE.setting("serverHeap", "-Xmx512m");
    configure(SuiteServer.management(), SLOTS);
  }

  @Test
  @Order(1)
  void imagePreparation() throws Exception {
    byte[] photo = BenchImages.photoJpeg(4704, 3136, 15);
    ImageCodecs.ensureRegistered();
    ImagePreparer preparer = new ImagePreparer();
    double[] glimpse = new double[PREPARATIONS];
    double[] plain = new double[PREPARATIONS];
    for (int round = -2; round < PREPARATIONS; round++) {
      long started = System.nanoTime();
      preparer.prepare(photo);
      long between = System.nanoTime();
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      Thumbnails.of(ImageIO.read(new ByteArrayInputStream(photo)))
          .size(ImagePreparer.MAX_SIDE, ImagePreparer.MAX_SIDE)
          .outputFormat("jpg")
          .toOutputStream(jpeg);
      long ended = System.nanoTime();
      if (round >= 0) {
        glimpse[round] = (between - started) / 1e6;
        plain[round] = (ended - between) / 1e6;
      }
    }
    TABLE.setting("preparedPhoto", "4704×3136 JPEG, " + photo.length + " bytes");
    TABLE.add(
        new Row(
            "5",
            "image preparation, 14.7 MP JPEG → ≤600 px (median)",
            median(glimpse),
            "ms",
            median(plain),
            "full ImageIO decode + Thumbnailator",
            Target.ratioAtMost(0.5),
            PREPARATIONS));
  }

  @Test
  @Order(2)
  void cachedSummaryReads() throws Exception {
    MODEL.serve(Duration.ZERO, SLOTS);
    String path = "api/v1/documents/" + summarizedDocument("Terms") + "/summary";
    Function<GlimpseClient, List<IntSupplier>> readAndFloor =
        client ->
            List.of(() -> client.get(path).status(), () -> client.get("health/live").status());
    Latencies.measure(1, READS / 10, 200, readAndFloor);
    for (int clients : new int[] {1, READ_CLIENTS}) {
      List<Latencies> measured = Latencies.measure(clients, READS / clients, 200, readAndFloor);
      Latencies reads = measured.get(0);
      Latencies live = measured.get(1);
      String who = clients == 1 ? "1 client" : clients + " clients";
      TABLE.add(
          new Row(
              "4",
              "cached summary read, " + who + " (p50)",
              reads.percentile(0.5),
              "ms",
              live.percentile(0.5),
              "/health/live p50",
              null,
              reads.count()));
      TABLE.add(
          new Row(
              "4",
              "cached summary read, " + who + " (p95)",
              reads.percentile(0.95),
              "ms",
              live.percentile(0.95),
              "/health/live p95",
              Target.ratioAtMost(1.5),
              reads.count()));
      if (clients == 1) {
        TABLE.add(
            new Row(
                "4",
                "cached summary read, 1 client (p95)",
                reads.percentile(0.95),
                "ms",
                null,
                null,
                Target.valueAtMost(5),
                reads.count()));
      }
    }
  }

  @Test
  @Order(3)
  void summaryCacheSaving() throws Exception {
    MODEL.serve(Duration.ZERO, SLOTS);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < CACHE_DOCUMENTS; i++) {
      paths.add("api/v1/documents/" + summarizedDocument("Cached " + i) + "/summary");
    }
    int made = MODEL.summaryCalls();
    Map<String, Double> before = summaryMetrics();
    Random random = new Random(8);
    for (int i = 0; i < CACHE_READS; i++) {
      assertThat(api.get(paths.get(random.nextInt(paths.size()))).status()).isEqualTo(200);
    }
    Map<String, Double> after = summaryMetrics();
    double hits = delta(before, after, "glimpse_summary_reads_total{result=\"hit\"}");
    double tokens = delta(before, after, "glimpse_summary_tokens_saved_total");
    int calledDuringReads = MODEL.summaryCalls() - made;
    TABLE.setting("summaryCallsWhileReading", calledDuringReads);
    TABLE.add(
        new Row(
            "8",
            "model calls avoided by " + CACHE_READS + " reads of " + CACHE_DOCUMENTS + " documents",
            hits,
            "calls",
            (double) CACHE_READS,
            "reads",
            Target.ratioAtLeast(1.0),
            CACHE_READS));
    TABLE.add(
        new Row(
            "8",
            "model tokens avoided by those reads",
            tokens,
            "tokens",
            (double) (BenchModel.SUMMARY_TOKENS_IN + BenchModel.SUMMARY_TOKENS_OUT) * made,
            "tokens the " + made + " summaries cost",
            null,
            CACHE_READS));
    TABLE.add(
        new Row(
            "8",
            "model calls made while reading (stub's count)",
            calledDuringReads,
            "calls",
            (double) made,
            "calls that made the summaries",
            Target.valueAtMost(0),
            CACHE_READS));
  }

  @Test
  @Order(4)
  void enqueueLatency() throws Exception {
    MODEL.serve(Duration.ZERO, SLOTS);
    byte[] png = GlimpseClient.resource("/corpus/images/chelsea.png");
    TABLE.setting("enqueuedImage", "451×300 PNG, " + png.length + " bytes");
    List<Latencies> measured =
        Latencies.measure(
            UPLOAD_CLIENTS,
            UPLOADS / UPLOAD_CLIENTS,
            202,
            client ->
                List.of(
                    () ->
                        client
                            .uploadImage("enqueue.png", GlimpseClient.uniqueCopy(png), "image/png")
                            .status(),
                    () -> client.get("health/live").status() == 200 ? 202 : 500));
    Latencies uploads = measured.get(0);
    Latencies live = measured.get(1);
    for (double p : new double[] {0.5, 0.95, 0.99}) {
      String name = "p" + Math.round(p * 100);
      TABLE.add(
          new Row(
              "3",
              "image upload, " + UPLOAD_CLIENTS + " clients, batch running (" + name + ")",
              uploads.percentile(p),
              "ms",
              live.percentile(p),
              "/health/live " + name,
              p == 0.95 ? Target.ratioAtMost(5) : null,
              uploads.count()));
    }
    TABLE.add(
        new Row(
            "3",
            "image upload, " + UPLOAD_CLIENTS + " clients, batch running (p95)",
            uploads.percentile(0.95),
            "ms",
            null,
            null,
            Target.valueAtMost(25),
            uploads.count()));
    awaitNoTaskDue();
  }

  @Test
  @Order(5)
  void pipelineEfficiency() throws Exception {
    PipelineRun.Result run = pipeline(0, PIPELINE_IMAGES, LATENCY, SLOTS);
    oneNodePerSecond = run.perSecond();
    double limit = SLOTS / (LATENCY.toMillis() / 1000.0);
    TABLE.setting("pipeline", "L = " + LATENCY.toMillis() + " ms, S = " + SLOTS);
    TABLE.add(
        new Row(
            "1",
            "pipeline, " + PIPELINE_IMAGES + " images queued, 1 node",
            run.perSecond(),
            "images/s",
            limit,
            "S/L",
            Target.ratioAtLeast(0.95),
            run.images()));
    TABLE.add(
        new Row(
            "1",
            "time a free model slot waits for its next task (mean)",
            run.slotWait(),
            "ms",
            (double) LATENCY.toMillis(),
            "L",
            null,
            run.visionCalls()));
    assertThat(run.duplicateCalls()).as("duplicate model calls").isZero();
  }

  @Test
  @Order(6)
  void claimOverhead() throws Exception {
    ServerManagement suite = SuiteServer.management();
    configure(suite, CEILING_SLOTS);
    try {
      PipelineRun.Result run = pipeline(100_000, CEILING_TASKS, Duration.ZERO, CEILING_SLOTS);
      double bare = BareClaimLoop.tasksPerSecond(CEILING_TASKS * 4, CEILING_SLOTS);
      TABLE.add(
          new Row(
              "2",
              "engine ceiling, L = 0, S = " + CEILING_SLOTS + ", " + CEILING_TASKS + " tasks",
              run.perSecond(),
              "tasks/s",
              bare,
              "bare SKIP LOCKED loop, " + CEILING_SLOTS + " threads",
              Target.ratioAtLeast(0.5),
              run.images()));
    } finally {
      configure(suite, SLOTS);
    }
  }

  /**
   * Last of all: it leaves gigabytes of uploads in the database, whose writing out would weigh on
   * any row measured after it.
   */
  @Test
  @Order(8)
  void memoryWithLargeImages() throws Exception {
    MODEL.serve(Duration.ZERO, SLOTS);
    byte[] photo = BenchImages.photoJpeg(4000, 3000, 12);
    TABLE.setting("largeImage", "4000×3000 JPEG, " + photo.length + " bytes");
    GcLog gc = GcLog.ofSuiteServer();
    gc.mark();
    long errorsBefore = outOfMemoryErrors();
    ExecutorService uploaders = Executors.newFixedThreadPool(LARGE_UPLOADERS);
    List<Future<Integer>> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < LARGE_IMAGES; i++) {
        byte[] image = BenchImages.withComment(photo, i);
        String name = "large-" + i + ".jpg";
        uploads.add(uploaders.submit(() -> api.uploadImage(name, image, "image/jpeg").status()));
      }
      long refused = 0;
      for (Future<Integer> upload : uploads) {
        refused += upload.get() == 202 ? 0 : 1;
      }
      awaitNoTaskDue();
      long[] heap = gc.peakAfterCollectionMiB();
      TABLE.add(
          new Row(
              "6",
              LARGE_IMAGES + " 12 MP JPEGs, peak heap after GC (-Xmx512m)",
              heap[0],
              "MiB",
              null,
              null,
              Target.valueAtMost(256),
              heap[1]));
      TABLE.add(
          new Row(
              "6",
              "uploads refused, OutOfMemoryErrors",
              refused + outOfMemoryErrors() - errorsBefore,
              "",
              null,
              null,
              Target.valueAtMost(0),
              LARGE_IMAGES));
    } finally {
      uploaders.shutdownNow();
    }
  }

  @Test
  @Order(7)
  void twoNodes() throws Exception {
    ServerNode second = ServerNode.SECOND;
    second.start(controller, deployer);
    try {
      configure(second.management(), SLOTS);
      PipelineRun.Result run = pipeline(200_000, PIPELINE_IMAGES, LATENCY, 2 * SLOTS);
      TABLE.add(
          new Row(
              "7",
              "pipeline, " + PIPELINE_IMAGES + " images queued, 2 nodes",
              run.perSecond(),
              "images/s",
              oneNodePerSecond,
              "1 node (row 1)",
              Target.ratioAtLeast(1.8),
              run.images()));
      TABLE.add(
          new Row(
              "7",
              "duplicate model calls, 2 nodes",
              run.duplicateCalls(),
              "calls",
              (double) run.visionCalls(),
              "model calls",
              Target.valueAtMost(0),
              run.visionCalls()));
    } finally {
      second.stop(controller, deployer);
    }
  }

  @AfterAll
  static void report() throws Exception {
    MODEL.close();
    System.out.println();
    System.out.println(TABLE.table());
    TABLE.write(Path.of(System.getProperty("glimpse.bench.out", "target/bench")));
    assertThat(TABLE.missed()).as("figures that missed their target").isEmpty();
  }

  /**
   * Runs {@code count} images, stamped from {@code firstStamp} on (so that no run repeats another's
   * pixels), through the pipeline with the model answering after {@code latency}, {@code slots} at
   * once.
   */
  private PipelineRun.Result pipeline(int firstStamp, int count, Duration latency, int slots)
      throws Exception {
    BenchImages images = BenchImages.ofCorpusPhoto();
    return PipelineRun.run(
        api,
        index -> images.stampedPng(firstStamp + index),
        count,
        MODEL,
        latency,
        slots,
        PATIENCE);
  }

  /** Points {@code node} at the bench model with {@code slots} model slots, and reloads it. */
  private static void configure(ServerManagement node, int slots) {
    node.overrideSystemProperties(
        Map.of(
            "glimpse.ollama.url", MODEL.url().toString(),
            "glimpse.ai.concurrency", Integer.toString(slots),
            "glimpse.batch.partitions", ""));
    node.reload();
  }

  /** Creates a document and waits for its summary; its id. */
  private String summarizedDocument(String title) {
    String id =
        api.createDocument(title, "Keys are secret. Report misuse. " + title)
            .body()
            .path("id")
            .asText();
    api.await(
        "api/v1/documents/" + id + "/summary", body -> body.path("fresh").asBoolean(), PATIENCE);
    return id;
  }

  private Map<String, Double> summaryMetrics() {
    Matcher metric = METRIC.matcher(api.text("metrics"));
    Map<String, Double> values = new HashMap<>();
    while (metric.find()) {
      values.put(metric.group(1), Double.parseDouble(metric.group(2)));
    }
    return values;
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
    return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
  }

  /** Waits until no task is PENDING or PROCESSING, so that the next benchmark starts idle. */
  private static void awaitNoTaskDue() throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      try (Connection connection = PipelineRun.database();
          Statement statement = connection.createStatement();
          ResultSet count =
              statement.executeQuery(
                  "SELECT COUNT(*) FROM ai_task WHERE status IN ('PENDING', 'PROCESSING')")) {
        count.next();
        if (count.getLong(1) == 0) {
          return;
        }
      }
      assertThat(Instant.now()).as("waiting for the tasks to finish").isBefore(deadline);
      Thread.sleep(250);
    }
  }

  /** OutOfMemoryErrors in the suite server's log so far. */
  private static long outOfMemoryErrors() throws Exception {
    Path log = Path.of(System.getProperty("glimpse.test.suite-base"), "log", "server.log");
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains("OutOfMemoryError")).count();
    }
  }

  private static double median(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
