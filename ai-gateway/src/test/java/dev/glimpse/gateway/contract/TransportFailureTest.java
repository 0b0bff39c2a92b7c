package dev.glimpse.gateway.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.gateway.CallHealth;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.PromptRunner;
import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.prompt.AltText;
import dev.glimpse.gateway.prompt.AltTextPrompt;
import dev.glimpse.gateway.prompt.Expectation;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a call makes of no answer at all, of a slow answer, and of a server that refuses a schema.
 */
class TransportFailureTest {

  private StubProvider stub;

  @BeforeEach
  void start() {
    stub = new StubProvider();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private ModelResult<AltText> run(ChatModel model) {
    ChatCall call =
        new ChatCall(
            "m",
            List.of(ChatMessage.system("s"), ChatMessage.user("u", List.of())),
            "alt_text",
            AltTextPrompt.INSTANCE.schema(),
            0.2,
            null);
    return new PromptRunner(model, stub.settings(Map.of()).prices(), new CallHealth())
        .run(AltTextPrompt.INSTANCE, call, Expectation.in("en"));
  }

  @Test
  void aServerThatIsNotThereIsATransientConnectionRefused() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ModelResult<AltText> result =
        run(stub.ollama(Map.of("glimpse.ollama.url", "http://127.0.0.1:" + closedPort)));

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
              assertThat(failed.reason())
                  .isEqualTo("Ollama could not be reached: connection refused");
              assertThat(failed.stats().calls())
                  .as("nothing reached the provider: the attempt is not counted")
                  .isZero();
            });
  }

  @Test
  void aRateLimitedCallIsNotCountedButAServerErrorIs() {
    stub.stub(
        post(urlPathEqualTo(StubProvider.OLLAMA_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withBody("{\"error\": \"too many requests\"}")));
    ModelResult<AltText> limited = run(stub.ollama(Map.of()));
    stub.reset();
    stub.stub(
        post(urlPathEqualTo(StubProvider.OLLAMA_PATH))
            .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"server busy\"}")));
    ModelResult<AltText> busy = run(stub.ollama(Map.of()));

    assertThat(limited)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(30));
              assertThat(failed.stats().calls()).as("turned away, not served").isZero();
            });
    assertThat(busy.stats().calls()).as("taken, then failed: served").isEqualTo(1);
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsATransientTimeOut() {
    stub.answer(CorpusExchange.named("ollama-ok-clean"));
    stub.stub(
        post(urlPathEqualTo(StubProvider.OLLAMA_PATH))
            .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));

    ModelResult<AltText> result = run(stub.ollama(Map.of("glimpse.ai.timeout", "PT1S")));

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
              assertThat(failed.reason()).isEqualTo("Ollama did not answer within 1 s");
            });
  }

  @Test
  void aRateLimitKeepsTheServersRetryAfter() {
    stub.answer(CorpusExchange.named("openai-rate-limited"));

    ModelResult<AltText> result = run(stub.openai(Map.of()));

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
              assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void aServerThatRefusesJsonSchemaIsAskedAgainWithJsonObject() {
    stub.stub(
        post(urlPathEqualTo(StubProvider.OPENAI_PATH))
            .withRequestBody(containing("\"json_schema\""))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\": {\"message\": \"response_format json_schema is not supported\","
                            + " \"type\": \"invalid_request_error\", \"param\": \"response_format\","
                            + " \"code\": null}}")));
    stub.stub(
        post(urlPathEqualTo(StubProvider.OPENAI_PATH))
            .withRequestBody(containing("\"json_object\""))
            .willReturn(StubProvider.response(CorpusExchange.named("openai-ok-json-schema"))));

    ModelResult<AltText> result = run(stub.openai(Map.of()));

    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    assertThat(stub.requests(StubProvider.OPENAI_PATH))
        .extracting(body -> body.at("/response_format/type").asText())
        .containsExactly("json_schema", "json_object");
  }

  /**
   * Glimpse's own log lines at any level, and everyone's at INFO and above, never carry the key.
   * (Apache HttpClient prints request headers at DEBUG; the server's logging configuration caps
   * those categories at INFO.)
   */
  @Test
  void aRefusedKeyNeverShowsTheKeyInTheResultOrTheLog() {
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()
                || record.getLoggerName().startsWith("dev.glimpse")
                || record.getLoggerName().startsWith("org.jboss.resteasy")) {
              logged.add(record.getLoggerName() + " " + new SimpleFormatter().format(record));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Level previous = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    try {
      assertKeyStaysSecret();
    } finally {
      root.removeHandler(capture);
      root.setLevel(previous);
    }
    assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(StubProvider.API_KEY));
  }

  private void assertKeyStaysSecret() {
    stub.stub(
        post(urlPathEqualTo(StubProvider.OPENAI_PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\": {\"message\": \"Incorrect API key provided: "
                            + StubProvider.API_KEY
                            + ".\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}")));

    ModelResult<AltText> result = run(stub.openai(Map.of()));

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.PERMANENT);
              assertThat(failed.reason()).contains("401").doesNotContain(StubProvider.API_KEY);
              assertThat(failed.stats().rawResponse()).doesNotContain(StubProvider.API_KEY);
            });
  }
}
