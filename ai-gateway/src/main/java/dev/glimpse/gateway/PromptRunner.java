package dev.glimpse.gateway;

import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.chat.ChatReply;
import dev.glimpse.gateway.chat.ModelCallException;
import dev.glimpse.gateway.chat.ServedCalls;
import dev.glimpse.gateway.cost.PriceTable;
import dev.glimpse.gateway.json.JsonSalvage;
import dev.glimpse.gateway.json.SalvagedJson;
import dev.glimpse.gateway.judge.Concern;
import dev.glimpse.gateway.judge.Refusals;
import dev.glimpse.gateway.prompt.Expectation;
import dev.glimpse.gateway.prompt.InvalidOutputException;
import dev.glimpse.gateway.prompt.Judged;
import dev.glimpse.gateway.prompt.Prompt;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Runs a {@link Prompt} against a {@link ChatModel} and turns whatever happens into a {@link
 * ModelResult}: salvages the JSON, reads it into plain text, judges it (refusals, and what a person
 * must see), and when the answer is unusable asks once more with the validation error (a repair
 * call). Never throws.
 */
public final class PromptRunner {

  private final ChatModel model;
  private final PriceTable prices;
  private final CallHealth health;

  /**
   * Runs prompts against {@code model}, telling {@code health} when its circuit breaker is open.
   */
  public PromptRunner(ChatModel model, PriceTable prices, CallHealth health) {
    this.model = model;
    this.prices = prices;
    this.health = health;
  }

  /** Asks {@code call} for an answer to {@code prompt} that meets {@code expectation}. */
  public <T> ModelResult<T> run(Prompt<T> prompt, ChatCall call, Expectation expectation) {
    Tally tally = new Tally(call.model(), System.nanoTime());
    try {
      ChatReply first = tally.count(tally.call(model, call));
      Reading<T> reading = read(prompt, first, tally.repairs, expectation);
      if (reading.needsRepair() && first.finish() != ChatReply.Finish.LENGTH) {
        tally.repairs.add(Repair.REPAIR_CALL);
        ChatReply second =
            tally.count(
                tally.call(model, call.withCorrection(first.content(), correction(reading))));
        reading = read(prompt, second, tally.repairs, expectation);
      }
      return reading.toResult(prompt.version(), tally.stats(model.provider(), prices));
    } catch (ModelCallException e) {
      tally.raw = e.raw();
      return new ModelResult.Failed<>(
          e.kind(), e.getMessage(), e.retryAfter(), tally.stats(model.provider(), prices));
    } catch (CircuitBreakerOpenException e) {
      health.circuitOpen(model.provider());
      return new ModelResult.Failed<>(
          FailureKind.TRANSIENT,
          model.provider()
              + " failed repeatedly, so calls to it are paused for a while (circuit breaker open)",
          null,
          tally.stats(model.provider(), prices));
    } catch (BulkheadException e) {
      return new ModelResult.Failed<>(
          FailureKind.TRANSIENT,
          "every model slot of this node is busy (GLIMPSE_AI_CONCURRENCY)",
          null,
          tally.stats(model.provider(), prices));
    } catch (FaultToleranceException e) {
      return new ModelResult.Failed<>(
          FailureKind.TRANSIENT,
          model.provider() + " did not answer in time",
          null,
          tally.stats(model.provider(), prices));
    }
  }

  private static <T> Reading<T> read(
      Prompt<T> prompt, ChatReply reply, Set<Repair> repairs, Expectation expectation) {
    if (reply.refusal() != null && !reply.refusal().isBlank()) {
      return Reading.soft("The model refused: " + reply.refusal().strip());
    }
    if (reply.finish() == ChatReply.Finish.CONTENT_FILTER) {
      return Reading.permanent("the provider's content filter withheld the answer");
    }
    Optional<SalvagedJson> json = JsonSalvage.extract(reply.content());
    if (json.isEmpty() || json.get().repairs().contains(Repair.LOOSE_FORMAT)) {
      Optional<String> refusal = Refusals.detect(reply.content());
      if (refusal.isPresent()) {
        return Reading.soft(refusal.get());
      }
    }
    if (json.isEmpty()) {
      return Reading.invalid(
          reply.finish() == ChatReply.Finish.LENGTH
              ? "the answer was cut off at the model's output limit"
              : "the answer holds no JSON object");
    }
    Set<Repair> attempt = EnumSet.noneOf(Repair.class);
    attempt.addAll(json.get().repairs());
    try {
      T value = prompt.parse(json.get().object(), attempt, expectation);
      Judged<T> judged = prompt.judge(value, attempt, expectation);
      if (judged.refusal() != null) {
        return Reading.soft(judged.refusal());
      }
      repairs.addAll(attempt);
      return Reading.valid(judged.value(), judged.concerns());
    } catch (InvalidOutputException e) {
      return Reading.invalid(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return Reading.invalid("the answer could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String correction(Reading<?> reading) {
    return "Your answer could not be used: "
        + reading.reason()
        + ". Answer again with one JSON object that follows the schema, and nothing else.";
  }

  /** What one answer turned out to be. */
  private record Reading<T>(T value, List<Concern> concerns, FailureKind failure, String reason) {

    static <T> Reading<T> valid(T value, List<Concern> concerns) {
      return new Reading<>(value, concerns, null, null);
    }

    static <T> Reading<T> invalid(String reason) {
      return new Reading<>(null, List.of(), FailureKind.INVALID_OUTPUT, reason);
    }

    static <T> Reading<T> soft(String reason) {
      return new Reading<>(null, List.of(), FailureKind.SOFT_FAILURE, reason);
    }

    static <T> Reading<T> permanent(String reason) {
      return new Reading<>(null, List.of(), FailureKind.PERMANENT, reason);
    }

    boolean needsRepair() {
      return failure == FailureKind.INVALID_OUTPUT;
    }

    ModelResult<T> toResult(String promptVersion, CallStats stats) {
      if (value != null) {
        return new ModelResult.Answered<>(value, promptVersion, concerns, stats);
      }
      String why =
          stats.repairs().contains(Repair.REPAIR_CALL) && failure == FailureKind.INVALID_OUTPUT
              ? reason + " (also after a repair request)"
              : reason;
      return new ModelResult.Failed<>(failure, why, null, stats);
    }
  }

  /** Tokens, calls and time across the calls behind one result. */
  private static final class Tally {
    private final String model;
    private final long started;
    private final Set<Repair> repairs = EnumSet.noneOf(Repair.class);
    private int calls;
    private int tokensIn;
    private int tokensOut;
    private String raw;

    Tally(String model, long started) {
      this.model = model;
      this.started = started;
    }

    /**
     * Makes a call: it counts when the provider served any of its tries, even if it failed, and not
     * when the provider never took it (see {@link ServedCalls}).
     */
    ChatReply call(ChatModel model, ChatCall call) {
      ServedCalls.begin();
      try {
        return model.chat(call);
      } finally {
        if (ServedCalls.end()) {
          calls++;
        }
      }
    }

    ChatReply count(ChatReply reply) {
      tokensIn += reply.tokensIn();
      tokensOut += reply.tokensOut();
      raw = reply.raw();
      return reply;
    }

    CallStats stats(String provider, PriceTable prices) {
      return new CallStats(
          provider,
          model,
          (System.nanoTime() - started) / 1_000_000,
          calls,
          tokensIn,
          tokensOut,
          prices.cost(model, tokensIn, tokensOut).orElse(null),
          raw,
          repairs,
          0);
    }
  }
}
