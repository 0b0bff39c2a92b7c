package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A burst of uploads from many clients while the batch runs: every upload is answered 202 at once
 * (waking the batch jobs makes no request wait), none twice, and every image is described. Ten
 * uploads per client by default; {@code -Pfaults} makes it a hundred.
 */
class UploadBurstIT extends DeployedEarTest {

  private static final int CLIENTS = 20;
  private static final int UPLOADS_EACH = Integer.getInteger("glimpse.burst.uploads", 10);
  private static final Duration PATIENCE = Duration.ofSeconds(30L * UPLOADS_EACH);

  @Test
  void twentyClientsUploadingAtOnceGetNo5xxNoDuplicatesAndEveryImageDescribed() throws Exception {
    ollama.answerWith("ollama-ok-clean");
    byte[] png = GlimpseClient.resource("/corpus/images/chelsea.png");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<List<GlimpseClient.Answer>>> work = new ArrayList<>();
    try {
      for (int client = 0; client < CLIENTS; client++) {
        String prefix = "burst-" + System.nanoTime() + "-" + client;
        work.add(
            clients.submit(
                () -> {
                  List<GlimpseClient.Answer> answers = new ArrayList<>();
                  for (int i = 0; i < UPLOADS_EACH; i++) {
                    answers.add(
                        api.uploadImage(
                            prefix + "-" + i + ".png",
                            GlimpseClient.uniqueCopy(png),
                            "image/png",
                            Map.of(),
                            Map.of("Idempotency-Key", prefix + "-" + i)));
                  }
                  return answers;
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Future<List<GlimpseClient.Answer>> client : work) {
        for (GlimpseClient.Answer answer : client.get(5, TimeUnit.MINUTES)) {
          statuses.add(answer.status());
          ids.add(answer.body().path("id").asText());
        }
      }

      assertThat(statuses).hasSize(CLIENTS * UPLOADS_EACH).containsOnly(202);
      assertThat(ids).hasSize(CLIENTS * UPLOADS_EACH);
      for (String id : ids) {
        api.await(
            "api/v1/images/" + id,
            body -> "COMPLETED".equals(body.at("/task/status").asText()),
            PATIENCE);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
