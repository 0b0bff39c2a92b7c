package dev.glimpse.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.glimpse.gateway.prompt.Prompt;
import dev.glimpse.gateway.prompt.Summary;
import dev.glimpse.gateway.prompt.SummaryPrompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every messy answer of {@code corpus/llm-variants}, replayed by a stub server to the real REST
 * clients of its provider: each reaches its outcome, stores exactly the expected plain text, and
 * records exactly the expected repairs and concern codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerVariantsTest {

  private StubProvider stub;

  @BeforeAll
  void start() {
    stub = new StubProvider();
  }

  @AfterAll
  void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.reset();
  }

  static List<AnswerVariant> variants() {
    return AnswerVariant.all();
  }

  @Test
  void theVariantsCoverBothWireFormatsAndEveryOutcome() {
    List<AnswerVariant> variants = variants();

    assertThat(variants).hasSizeGreaterThanOrEqualTo(120);
    assertThat(variants).extracting(v -> v.exchange().isOllama()).contains(true, false);
    assertThat(variants)
        .extracting(AnswerVariant::expect)
        .contains("ok", "flagged", "invalid-output", "soft-failure");
    assertThat(variants.stream().flatMap(v -> v.flags().stream()).distinct())
        .containsAll(
            List.of(
                "markup-removed",
                "instructions",
                "repeated",
                "cut-off",
                "not-words",
                "filename",
                "generic",
                "far-too-long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachVariantReachesItsOutcomeWithTheExpectedTextRepairsAndFlags(AnswerVariant variant) {
    stub.answer(variant.exchange());
    ChatModel model = variant.exchange().isOllama() ? stub.ollama(Map.of()) : stub.openai(Map.of());

    ModelResult<?> result =
        variant.summary()
            ? run(model, SummaryPrompt.INSTANCE, variant)
            : run(model, AltTextPrompt.INSTANCE, variant);

    assertThat(outcome(result)).as("outcome").isEqualTo(variant.expect());
    if (result instanceof ModelResult.Answered<?> answered) {
      assertThat(text(answered.value())).as("stored text").isEqualTo(variant.text());
      assertThat(items(answered.value())).as("stored items").isEqualTo(variant.items());
      assertThat(answered.stats().repairs().stream().map(Repair::name).sorted().toList())
          .as("repairs")
          .isEqualTo(variant.repairs());
      assertThat(answered.concerns().stream().map(c -> c.code().code()).toList())
          .as("flags")
          .containsExactlyInAnyOrderElementsOf(variant.flags());
      assertThat(answered.concerns())
          .allSatisfy(
              concern -> assertThat(concern.sentence()).endsWith(".").hasSizeGreaterThan(20));
    } else {
      assertThat(((ModelResult.Failed<?>) result).reason()).isNotBlank();
    }
  }

  private <T> ModelResult<T> run(ChatModel model, Prompt<T> prompt, AnswerVariant variant) {
    ChatCall call =
        new ChatCall(
            variant.exchange().isOllama() ? "llava:7b" : "gpt-4o-mini",
            List.of(
                ChatMessage.system(prompt.instructions(variant.expectation().language())),
                ChatMessage.user("the item", List.of())),
            prompt.schemaName(),
            prompt.schema(),
            0.2,
            null);
    return new PromptRunner(model, stub.settings(Map.of()).prices(), new CallHealth())
        .run(prompt, call, variant.expectation());
  }

  private static String outcome(ModelResult<?> result) {
    if (result instanceof ModelResult.Failed<?> failed) {
      return failed.kind() == FailureKind.SOFT_FAILURE ? "soft-failure" : failed.kind().code();
    }
    return ((ModelResult.Answered<?>) result).doubtful() ? "flagged" : "ok";
  }

  private static String text(Object value) {
    return value instanceof Summary summary ? summary.text() : ((AltText) value).description();
  }

  private static List<String> items(Object value) {
    return value instanceof Summary summary ? summary.keyPoints() : ((AltText) value).labels();
  }
}
