package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Claims, leases and priorities under load, on PostgreSQL: four partitions compete for 500 tasks
 * and each is described exactly once; a lease that runs out is reaped and its late answer
 * discarded; a HIGH task overtakes a LOW backlog (arquillian.xml: 8 s leases, reaped every second).
 */
class LeasesAndPrioritiesIT extends DeployedEarTest {

  @Test
  void fiveHundredTasksAreEachDescribedExactlyOnceByCompetingPartitions() {
    ollama.answerWith("ollama-ok-clean");
    String run = "once-" + UUID.randomUUID();
    for (int i = 0; i < 500; i++) {
      assertThat(api.uploadImage(run + "-" + i + ".png", distinctPng(i), "image/png").status())
          .isEqualTo(202);
    }

    api.await(
        "api/v1/images?status=COMPLETED&q=" + run + "&size=1",
        page -> page.path("total").asInt() == 500,
        Duration.ofSeconds(120));

    Map<String, Integer> callsPerImage = new HashMap<>();
    for (JsonNode chat : ollama.chatRequests()) {
      callsPerImage.merge(chat.at("/messages/1/images/0").asText(), 1, Integer::sum);
    }
    assertThat(callsPerImage).hasSize(500);
    assertThat(callsPerImage.values()).containsOnly(1);
  }

  @Test
  void anExpiredLeaseIsReapedAndTheLateAnswerIsDiscarded() throws InterruptedException {
    ollama.answerFirstSlowlyWith("ollama-ok-clean", Duration.ofSeconds(12));

    JsonNode image =
        api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(30));
    Thread.sleep(Duration.ofSeconds(6).toMillis());

    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(task.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(task.path("attempts").asInt()).isEqualTo(2);
    List<String> steps = task.path("events").findValuesAsText("step");
    assertThat(steps.stream().filter("completed"::equals)).hasSize(1);
    assertThat(task.path("events").findValuesAsText("message"))
        .anyMatch(message -> message.startsWith("lease-expired"));
    assertThat(ollama.chatRequests()).hasSize(2);
  }

  /**
   * Behind the backlog in arrival order, the HIGH task would wait for 300 LOW calls at two at a
   * time (about 150 s). It overtakes them: it is done while fewer than 100 LOW tasks are, within
   * ten model latencies. (This suite runs four partitions of each job against two model slots on
   * purpose, for the bulkhead test, so a HIGH task may also wait for a slot, behind the partitions
   * already waiting; with the default configuration, partitions match slots.)
   */
  @Test
  void aHighPriorityTaskOvertakesALowBacklog() {
    Duration latency = Duration.ofMillis(1000);
    ollama.answerSlowlyWith("ollama-ok-clean", latency);
    String run = "backlog-" + UUID.randomUUID();
    try {
      for (int i = 0; i < 300; i++) {
        api.uploadImage(
            run + "-" + i + ".png", distinctPng(i), "image/png", Map.of("priority", "low"));
      }

      Instant asked = Instant.now();
      String urgent =
          api.uploadImage("urgent.png", distinctPng(1000), "image/png", Map.of("priority", "high"))
              .body()
              .path("id")
              .asText();
      api.await(
          "api/v1/images/" + urgent,
          image -> "COMPLETED".equals(image.at("/task/status").asText()),
          Duration.ofSeconds(30));
      Duration waited = Duration.between(asked, Instant.now());

      long lowDone =
          api.get("api/v1/images?status=COMPLETED&q=" + run + "&size=1")
              .body()
              .path("total")
              .asLong();
      assertThat(lowDone).isLessThan(100);
      assertThat(waited).isLessThan(latency.multipliedBy(10));
    } finally {
      ollama.reset().answerWith("ollama-ok-clean");
      api.await(
          "api/v1/images?status=COMPLETED&q=" + run + "&size=1",
          page -> page.path("total").asInt() == 300,
          Duration.ofSeconds(120));
    }
  }

  /** A small PNG that differs from every other index's, and from every earlier run's. */
  private static byte[] distinctPng(int index) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int bit = 0; bit < 16; bit++) {
      image.setRGB(bit, 0, ((index >> bit) & 1) == 1 ? 0xFFFFFF : 0x000000);
    }
    image.setRGB(0, 1, 0x00FF00 | (index & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return GlimpseClient.uniqueCopy(out.toByteArray());
  }
}
