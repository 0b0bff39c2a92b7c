package dev.glimpse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatReply;
import dev.glimpse.gateway.chat.DeferredCallException;
import dev.glimpse.gateway.cost.PriceTable;
import dev.glimpse.gateway.prompt.AltText;
import dev.glimpse.gateway.prompt.AltTextPrompt;
import dev.glimpse.gateway.prompt.Expectation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class PromptRunnerTest {

  private static final String VALID =
      "{\"description\": \"A red bicycle leans on a brick wall.\", \"labels\": [\"Bicycle\"]}";

  private final ScriptedModel model = new ScriptedModel();
  private final CallHealth health = new CallHealth();
  private final PromptRunner runner =
      new PromptRunner(model, PriceTable.parse("m=1.00/2.00"), health);

  private ModelResult<AltText> run() {
    return runner.run(
        AltTextPrompt.INSTANCE,
        new ChatCall(
            "m",
            List.of(ChatMessage.system("instructions"), ChatMessage.user("describe", List.of())),
            "alt_text",
            AltTextPrompt.INSTANCE.schema(),
            0.2,
            null),
        Expectation.in("en"));
  }

  private static ChatReply reply(String content, int in, int out) {
    return new ChatReply(content, null, ChatReply.Finish.STOP, in, out, content);
  }

  @Test
  void aRepairCallThatSucceedsGivesTheAnswerAndCountsBothCalls() {
    model.answers(() -> reply("The bicycle is red.", 100, 10), () -> reply(VALID, 150, 20));

    ModelResult<AltText> result = run();

    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    assertThat(result.stats().calls()).isEqualTo(2);
    assertThat(result.stats().tokensIn()).isEqualTo(250);
    assertThat(result.stats().tokensOut()).isEqualTo(30);
    assertThat(result.stats().costUsd()).isEqualByComparingTo(new BigDecimal("0.00031"));
    assertThat(result.stats().repairs()).contains(Repair.REPAIR_CALL);
    ChatCall repair = model.calls.get(1);
    assertThat(repair.messages()).hasSize(4);
    assertThat(repair.messages().get(2).role()).isEqualTo("assistant");
    assertThat(repair.messages().get(2).text()).isEqualTo("The bicycle is red.");
    assertThat(repair.messages().get(3).text()).contains("holds no JSON object");
  }

  @Test
  void aCutOffAnswerIsNotRepaired() {
    model.answers(
        () -> new ChatReply("{\"description\": \"A long", null, ChatReply.Finish.LENGTH, 1, 1, ""));

    ModelResult<AltText> result = run();

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
              assertThat(failed.reason()).contains("cut off");
            });
    assertThat(model.calls).hasSize(1);
  }

  @Test
  void aDeferredFailureKeepsTheProvidersRetryAfter() {
    model.answers(
        () -> {
          throw new DeferredCallException("429 slow down", Duration.ofSeconds(7), "{}");
        });

    ModelResult<AltText> result = run();

    assertThat(result)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
              assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(failed.stats().rawResponse()).isEqualTo("{}");
              assertThat(failed.stats().calls()).as("turned away, not served").isZero();
            });
  }

  @Test
  void anOpenCircuitAndAFullBulkheadAreTransientWithReadableReasons() {
    model.answers(
        () -> {
          throw new CircuitBreakerOpenException("open");
        },
        () -> {
          throw new BulkheadException("full");
        });

    assertThat(health.trouble("scripted")).isEmpty();
    ModelResult<AltText> open = run();
    ModelResult<AltText> full = run();

    assertThat(health.trouble("scripted"))
        .hasValueSatisfying(trouble -> assertThat(trouble).startsWith("circuit open on this node"));

    assertThat(open)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
              assertThat(failed.reason()).contains("circuit breaker open");
              assertThat(failed.retryAfter()).isNull();
            });
    assertThat(full)
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> assertThat(failed.reason()).contains("GLIMPSE_AI_CONCURRENCY"));
    assertThat(open.stats().calls()).as("the provider was not asked").isZero();
    assertThat(full.stats().calls()).as("the provider was not asked").isZero();
  }

  @Test
  void anExplicitRefusalIsASoftFailure() {
    model.answers(
        () ->
            new ChatReply(
                null, "I can't help with that.", ChatReply.Finish.STOP, 5, 5, "{\"refusal\":1}"));

    assertThat(run())
        .isInstanceOfSatisfying(
            ModelResult.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(FailureKind.SOFT_FAILURE);
              assertThat(failed.reason()).contains("I can't help with that.");
            });
  }
}
