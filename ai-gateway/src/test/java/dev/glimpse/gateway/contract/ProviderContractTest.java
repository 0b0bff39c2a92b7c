package dev.glimpse.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.gateway.CallHealth;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.PromptRunner;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.prompt.AltText;
import dev.glimpse.gateway.prompt.AltTextPrompt;
import dev.glimpse.gateway.prompt.Expectation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded provider answer, replayed by a stub server to the real REST clients: each yields
 * its expected outcome, and the request our client sent is in the provider's own format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderContractTest {

  private StubProvider stub;
  private byte[] jpeg;

  @BeforeAll
  void start() throws IOException {
    stub = new StubProvider();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", out);
    jpeg = out.toByteArray();
  }

  @AfterAll
  void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.reset();
  }

  static List<CorpusExchange> exchanges() {
    return CorpusExchange.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void everyRecordedAnswerYieldsItsExpectedOutcome(CorpusExchange exchange) {
    stub.answer(exchange);
    ChatModel model = exchange.isOllama() ? stub.ollama(Map.of()) : stub.openai(Map.of());

    ModelResult<AltText> result = run(model, exchange.isOllama() ? "llava:7b" : "gpt-4o-mini");

    assertThat(outcome(result)).as(exchange.name()).isEqualTo(exchange.expect());
    if (result instanceof ModelResult.Failed<AltText> failed) {
      assertThat(failed.reason()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
      if (exchange.status() >= 400) {
        assertThat(failed.reason())
            .as("the provider's own words are in the reason")
            .contains(Integer.toString(exchange.status()))
            .contains(
                exchange
                    .errorMessage()
                    .substring(0, Math.min(19, exchange.errorMessage().length())));
      }
    } else {
      AltText altText = ((ModelResult.Answered<AltText>) result).value();
      assertThat(altText.description()).hasSizeGreaterThan(20);
      assertThat(altText.labels()).isNotEmpty().allSatisfy(label -> assertThat(label).isNotBlank());
    }
    assertThat(result.stats().rawResponse()).isNotNull();
    assertThat(String.valueOf(result.stats().rawResponse()) + reason(result))
        .doesNotContain(StubProvider.API_KEY);
    assertRequestsFollowTheWireFormat(exchange);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void unusableAnswersGetExactlyOneRepairCallUnlessCutOff(CorpusExchange exchange) {
    stub.answer(exchange);
    ChatModel model = exchange.isOllama() ? stub.ollama(Map.of()) : stub.openai(Map.of());

    ModelResult<AltText> result = run(model, "any-model");

    int calls = stub.received(StubProvider.path(exchange)).size();
    boolean cutOff = exchange.name().contains("truncated-length");
    if ("invalid-output".equals(exchange.expect()) && !cutOff) {
      assertThat(calls).isEqualTo(2);
      assertThat(result.stats().repairs()).contains(Repair.REPAIR_CALL);
      assertThat(reason(result)).contains("also after a repair request");
    } else {
      assertThat(calls).isEqualTo(1);
      assertThat(result.stats().repairs()).doesNotContain(Repair.REPAIR_CALL);
    }
  }

  private ModelResult<AltText> run(ChatModel model, String modelName) {
    ChatCall call =
        new ChatCall(
            modelName,
            List.of(
                ChatMessage.system(AltTextPrompt.INSTANCE.instructions("en")),
                ChatMessage.user(AltTextPrompt.INSTANCE.request(), List.of(jpeg))),
            AltTextPrompt.INSTANCE.schemaName(),
            AltTextPrompt.INSTANCE.schema(),
            0.2,
            null);
    return new PromptRunner(model, stub.settings(Map.of()).prices(), new CallHealth())
        .run(AltTextPrompt.INSTANCE, call, Expectation.in("en"));
  }

  private void assertRequestsFollowTheWireFormat(CorpusExchange exchange) {
    String path = StubProvider.path(exchange);
    var received = stub.received(path);
    assertThat(received).isNotEmpty();
    assertThat(received.get(0).getMethod().getName()).isEqualTo("POST");
    assertThat(received.get(0).getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = stub.requests(path).get(0);
    if (exchange.isOllama()) {
      assertThat(body.path("model").asText()).isEqualTo("llava:7b");
      assertThat(body.path("stream").isBoolean()).isTrue();
      assertThat(body.path("stream").asBoolean()).isFalse();
      assertThat(body.at("/format/type").asText()).isEqualTo("object");
      assertThat(body.at("/format/required").toString()).contains("description", "labels");
      assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
      assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
      String image = body.at("/messages/1/images/0").asText();
      assertThat(image).doesNotStartWith("data:");
      assertThat(Base64.getDecoder().decode(image)).isEqualTo(jpeg);
      assertThat(body.at("/options/temperature").isNumber()).isTrue();
      assertThat(body.path("keep_alive").asText()).isEqualTo("5m");
    } else {
      assertThat(received.get(0).getHeader("Authorization"))
          .isEqualTo("Bearer " + StubProvider.API_KEY);
      assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
      assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
      assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("alt_text");
      assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
      assertThat(body.at("/response_format/json_schema/schema/required").toString())
          .contains("description", "labels");
      assertThat(body.at("/messages/0/content").isTextual()).isTrue();
      assertThat(body.at("/messages/1/content/0/type").asText()).isEqualTo("text");
      assertThat(body.at("/messages/1/content/1/type").asText()).isEqualTo("image_url");
      String url = body.at("/messages/1/content/1/image_url/url").asText();
      assertThat(url).startsWith("data:image/jpeg;base64,");
      assertThat(Base64.getDecoder().decode(url.substring("data:image/jpeg;base64,".length())))
          .isEqualTo(jpeg);
    }
  }

  static String outcome(ModelResult<?> result) {
    if (result instanceof ModelResult.Failed<?> failed) {
      return failed.kind() == FailureKind.SOFT_FAILURE ? "soft-failure" : failed.kind().code();
    }
    return "ok";
  }

  private static String reason(ModelResult<?> result) {
    return result instanceof ModelResult.Failed<?> failed ? failed.reason() : "";
  }
}
