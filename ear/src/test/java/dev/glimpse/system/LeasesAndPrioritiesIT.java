package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claims, leases and priorities under load, on PostgreSQL: four partitions compete for 500 tasks
 * and each is described exactly once; a heartbeat keeps the lease of a model call longer than the
 * lease; a HIGH task overtakes a LOW backlog (arquillian.xml: 6 s leases, reaped every second).
 */
class LeasesAndPrioritiesIT extends DeployedEarTest {

  @Test
  void fiveHundredTasksAreEachDescribedExactlyOnceByCompetingPartitions() {
    ollama.answerWith("ollama-ok-clean");
    String run = "once-" + UUID.randomUUID();
    for (int i = 0; i < 500; i++) {
      assertThat(
              api.uploadImage(run + "-" + i + ".png", TestImages.distinctPng(i), "image/png")
                  .status())
          .isEqualTo(202);
    }

    api.await(
        "api/v1/images?status=COMPLETED&q=" + run + "&size=1",
        page -> page.path("total").asInt() == 500,
        Duration.ofSeconds(120));

    Map<String, Integer> callsPerImage = ollama.callsPerImage();
    assertThat(callsPerImage).hasSize(500);
    assertThat(callsPerImage.values()).containsOnly(1);
  }

  /** The heartbeat renews the lease while the model thinks: the task is paid for once. */
  @Test
  void aModelCallLongerThanTheLeaseKeepsItsTaskAndIsPaidOnce() {
    ollama.answerFirstSlowlyWith("ollama-ok-clean", Duration.ofSeconds(9));

    JsonNode image =
        api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", Duration.ofSeconds(30));

    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(task.path("attempts").asInt()).isEqualTo(1);
    assertThat(task.path("events").findValuesAsText("step")).doesNotContain("lease-expired");
    assertThat(ollama.chatRequests()).hasSize(1);
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
            run + "-" + i + ".png",
            TestImages.distinctPng(i),
            "image/png",
            Map.of("priority", "low"));
      }

      Instant asked = Instant.now();
      String urgent =
          api.uploadImage(
                  "urgent.png",
                  TestImages.distinctPng(1000),
                  "image/png",
                  Map.of("priority", "high"))
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
}
