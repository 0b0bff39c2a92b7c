package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uploads that are not what they claim, or are built to hurt: each is refused with a clear problem
 * or ends FAILED with a reason, the server stays healthy, and nothing else is lost.
 */
class HostileImagesIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @BeforeEach
  void answerWell() {
    ollama.answerWith("ollama-ok-clean");
  }

  @AfterEach
  void serverStaysHealthyAndKeepsWorking() {
    assertThat(new GlimpseClient(null).get("health/ready").status()).isEqualTo(200);
    api.uploadAndAwait("chelsea.png", "image/png", "COMPLETED", PATIENCE);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "empty,        415",
    "svg,          415",
    "text,         415",
    "pixel-bomb,   422",
    "png-header,   422",
  })
  void aHostileUploadIsRefusedWithAProblem(String kind, int status) {
    GlimpseClient.Answer answer = api.uploadImage(kind + ".png", bytes(kind), "image/png");

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("detail").asText()).isNotBlank();
  }

  @Test
  void aWebpIsDecodedAndDescribed() {
    JsonNode image = api.uploadAndAwait("wood-d.webp", "image/webp", "COMPLETED", PATIENCE);

    assertThat(image.path("contentType").asText()).isEqualTo("image/webp");
    assertThat(image.path("width").asInt()).isEqualTo(4096);
    JsonNode task = api.get("api/v1/tasks/" + image.at("/task/id").asText()).body();
    assertThat(task.path("events").findValuesAsText("message"))
        .as("prepared now, or by an attempt whose lease ran out while decoding")
        .anyMatch(
            message ->
                message.contains("4096×4096 → 600×600 JPEG")
                    || message.startsWith("reused the stored 600×600 JPEG"));
  }

  private static byte[] bytes(String kind) {
    switch (kind) {
      case "empty":
        return new byte[0];
      case "svg":
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"9\"/></svg>"
            .getBytes(StandardCharsets.UTF_8);
      case "text":
        return "name,width\ncat,451\n".getBytes(StandardCharsets.UTF_8);
      case "pixel-bomb":
        return pngHeader(100_000, 100_000);
      default:
        return Arrays.copyOf(pngHeader(100, 100), 20);
    }
  }

  /** A PNG signature and header chunk claiming {@code width}×{@code height}, and no pixels. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    ihdr.put(new byte[] {8, 2, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }
}
