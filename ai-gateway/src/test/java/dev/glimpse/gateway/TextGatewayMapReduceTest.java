package dev.glimpse.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.gateway.contract.StubProvider;
import dev.glimpse.gateway.local.LocalTextClient;
import dev.glimpse.gateway.prompt.Summary;
import dev.glimpse.gateway.prompt.SummaryPrompt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long documents are summarized in parts, then the parts' summaries are summarized: map-reduce. */
class TextGatewayMapReduceTest {

  private static final String ANSWER =
      "{\"model\": \"llama3.2:3b\", \"message\": {\"role\": \"assistant\", \"content\":"
          + " \"{\\\"summary\\\": \\\"This part sets out the licence terms for copying and"
          + " changing the program.\\\", \\\"keyPoints\\\": [\\\"Copying is allowed.\\\"]}\"},"
          + " \"done_reason\": \"stop\", \"done\": true, \"prompt_eval_count\": 1000,"
          + " \"eval_count\": 50}";

  private StubProvider stub;

  @BeforeEach
  void start() {
    stub = new StubProvider();
    stub.stub(
        post(urlPathEqualTo(StubProvider.OLLAMA_PATH))
            .willReturn(aResponse().withStatus(200).withBody(ANSWER)));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private TextGateway gateway(int chunkChars) {
    TextGateway gateway = new TextGateway();
    gateway.settings = stub.settings(Map.of("glimpse.summary.chunk-chars", "" + chunkChars));
    return gateway;
  }

  private static String gpl3() throws IOException {
    try (InputStream in =
        TextGatewayMapReduceTest.class.getResourceAsStream("/corpus/docs/GPL-3")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGplIsSummarizedInPartsThenAsAWhole() throws IOException {
    String text = gpl3();
    int parts = TextChunks.split(text, 12_000).size();

    ModelResult<Summary> result =
        gateway(12_000)
            .mapReduce(
                stub.ollama(Map.of()), new TextRequest("GNU GPL v3", text, "en"), PartMemory.NONE);

    assertThat(parts).isGreaterThan(1);
    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    List<JsonNode> requests = stub.requests(StubProvider.OLLAMA_PATH);
    assertThat(requests).hasSize(parts + 1);
    assertThat(result.stats().calls()).isEqualTo(parts + 1);
    assertThat(result.stats().tokensIn()).isEqualTo(1000 * (parts + 1));
    for (JsonNode request : requests.subList(0, parts)) {
      assertThat(request.at("/messages/1/content").asText().length()).isLessThanOrEqualTo(12_100);
    }
    assertThat(requests.get(parts).at("/messages/1/content").asText())
        .contains("summaries of its " + parts + " parts")
        .contains("Part 1: This part sets out the licence terms");
  }

  @Test
  void aSecondAttemptPaysOnlyForThePartsTheFirstDidNotFinish() throws IOException {
    String text = gpl3();
    int parts = TextChunks.split(text, 12_000).size();
    KeptParts memory = new KeptParts();
    memory.wantedFor = 2;
    TextRequest request = new TextRequest("GNU GPL v3", text, "en");

    ModelResult<Summary> cut = gateway(12_000).mapReduce(stub.ollama(Map.of()), request, memory);
    memory.wantedFor = Integer.MAX_VALUE;
    ModelResult<Summary> resumed =
        gateway(12_000).mapReduce(stub.ollama(Map.of()), request, memory);

    assertThat(cut).isInstanceOf(ModelResult.Failed.class);
    assertThat(((ModelResult.Failed<Summary>) cut).reason())
        .isEqualTo("stopped before part 3 of " + parts + ": the task went to another worker");
    assertThat(cut.stats().calls()).isEqualTo(2);
    assertThat(resumed).isInstanceOf(ModelResult.Answered.class);
    assertThat(resumed.stats().calls()).isEqualTo(parts - 2 + 1);
    assertThat(resumed.stats().reusedParts()).isEqualTo(2);
    assertThat(resumed.stats().describe()).contains("2 parts reused from an earlier attempt");
    assertThat(stub.requests(StubProvider.OLLAMA_PATH)).hasSize(parts + 1);
    assertThat(memory.kept).hasSize(parts);
  }

  @Test
  void aPartIsKnownByItsTextLanguageModelAndPromptVersion() {
    PartKey key = PartKey.of("Copying is allowed.", "en", "llama3.2:3b", "summary-v1");

    assertThat(key.digest()).hasSize(64);
    assertThat(PartKey.of("Copying is allowed.", "en", "llama3.2:3b", "summary-v1").digest())
        .isEqualTo(key.digest());
    assertThat(PartKey.of("Copying is allowed.", "de", "llama3.2:3b", "summary-v1").digest())
        .isNotEqualTo(key.digest());
    assertThat(PartKey.of("Copying is allowed.", "en", "llama3.2:3b", "summary-v2").digest())
        .isNotEqualTo(key.digest());
  }

  /** Part summaries kept in a map; wanted for the first {@code wantedFor} parts asked about. */
  private static final class KeptParts implements PartMemory {

    final Map<PartKey, Summary> kept = new HashMap<>();
    int wantedFor;
    private int asked;

    @Override
    public Optional<Summary> recall(PartKey key) {
      return Optional.ofNullable(kept.get(key));
    }

    @Override
    public void keep(PartKey key, Summary summary) {
      kept.put(key, summary);
    }

    @Override
    public boolean stillWanted() {
      return asked++ < wantedFor;
    }
  }

  @Test
  void aShortDocumentIsOneCall() {
    ModelResult<Summary> result =
        gateway(12_000)
            .mapReduce(
                stub.ollama(Map.of()),
                new TextRequest("Note", "The meeting moves to Friday at ten.", "en"),
                PartMemory.NONE);

    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    assertThat(stub.requests(StubProvider.OLLAMA_PATH)).hasSize(1);
  }

  @Test
  void chunksKeepParagraphsWholeAndNeverExceedTheSize() throws IOException {
    String text = gpl3();

    List<String> chunks = TextChunks.split(text, 2_000);

    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(2_000));
    assertThat(String.join(" ", chunks).replaceAll("\\s+", " "))
        .isEqualTo(text.strip().replaceAll("\\s+", " "));
  }

  @Test
  void summariesCarryThePromptVersionOfTheConfiguredProvider() {
    TextGateway ollama = new TextGateway();
    ollama.settings = stub.settings(Map.of("glimpse.ai.provider", "ollama"));
    TextGateway local = new TextGateway();
    local.settings = stub.settings(Map.of("glimpse.ai.provider", "local"));

    assertThat(ollama.promptVersion()).isEqualTo(SummaryPrompt.VERSION);
    assertThat(local.promptVersion()).isEqualTo(LocalTextClient.PROMPT_VERSION);
  }
}
