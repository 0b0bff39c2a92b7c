package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * No pooled database connection is held while a model thinks: with every model slot busy on slow
 * calls and more tasks waiting for a slot, the datasource's in-use count (read from the server's
 * pool statistics) stays at what it is when idle, but for a short claim or heartbeat now and then.
 * Were a connection held through each call, the count would stay above it throughout.
 */
class ConnectionPoolIT extends DeployedEarTest {

  private static final Duration THINKING = Duration.ofSeconds(6);

  @Test
  void noConnectionIsHeldDuringModelCalls() throws InterruptedException {
    int idle = inUse();
    ollama.answerSlowlyWith("ollama-ok-clean", THINKING);
    String run = "pool-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
      ids.add(api.uploadImage(run + "-" + i + ".png", png, "image/png").body().path("id").asText());
    }
    api.await(
        "api/v1/tasks?status=PROCESSING&size=1",
        page -> page.path("total").asInt() >= 4,
        Duration.ofSeconds(20));
    awaitCallsInFlight(2);

    List<Integer> samples = new ArrayList<>();
    Instant until = Instant.now().plus(THINKING.dividedBy(2));
    while (Instant.now().isBefore(until)) {
      samples.add(inUse());
      Thread.sleep(100);
    }

    assertThat(samples).hasSizeGreaterThan(10);
    assertThat(samples.stream().filter(count -> count > idle).count())
        .as("samples above the idle count %d of %s", idle, samples)
        .isLessThanOrEqualTo(samples.size() / 5);
    for (String id : ids) {
      api.await(
          "api/v1/images/" + id,
          image -> "COMPLETED".equals(image.at("/task/status").asText()),
          Duration.ofSeconds(60));
    }
  }

  /** Waits until the stub model has received {@code calls} requests it has not answered yet. */
  private void awaitCallsInFlight(int calls) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (ollama.chatRequests().size() < calls) {
      assertThat(Instant.now()).as("model calls in flight").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Connections of the application's pool in use now, from the datasource's statistics. */
  private int inUse() {
    ModelNode address =
        Operations.createAddress(
            "subsystem", "datasources", "data-source", "GlimpseDS", "statistics", "pool");
    return SuiteServer.execute(Operations.createReadAttributeOperation(address, "InUseCount"))
        .asInt();
  }
}
