package dev.glimpse.batch.job;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.usage.ModelUsageLog;
import dev.glimpse.domain.usage.UsageRecord;
import dev.glimpse.gateway.CallStats;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.chat.Pushbacks;
import dev.glimpse.infrastructure.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Meters the model calls behind each result: latency by provider, model and outcome, tokens in and
 * out, and estimated cost, on this node's meters and in the cluster's {@link ModelUsageLog}.
 * Results made without a call (reuse, the bulkhead full) are not metered. When the provider asked
 * to be called less (429, 503), every node is slowed down through the {@link ProviderGate}.
 */
@ApplicationScoped
public class ModelCallMeter {

  private static final Logger LOG = Logger.getLogger(ModelCallMeter.class);

  @Inject Metrics metrics;

  @Inject ModelUsageLog usage;

  @Inject ProviderGate gate;

  @Inject GlimpseSettings settings;

  /** Records the calls behind {@code result}, made for {@code task}. */
  public void record(ClaimedTask task, ModelResult<?> result) {
    CallStats stats = result.stats();
    Pushbacks.take().ifPresent(wait -> slowDown(task, stats.provider(), wait));
    if (stats.calls() == 0) {
      return;
    }
    String kind = task.kind().name();
    MeterRegistry registry = metrics.registry();
    String outcome =
        result instanceof ModelResult.Failed<?> failed
            ? failed.kind().code()
            : (result instanceof ModelResult.Answered<?> answered && answered.doubtful()
                ? "doubtful"
                : "answered");
    Timer.builder(Metrics.MODEL_CALL)
        .description("Time the model took for a task's calls, repair calls included")
        .tags("provider", stats.provider(), "model", stats.model(), "kind", kind)
        .tag("outcome", outcome)
        .publishPercentiles(0.5, 0.95)
        .register(registry)
        .record(Duration.ofMillis(stats.latencyMillis()));
    tokens(registry, stats, "in").increment(stats.tokensIn());
    tokens(registry, stats, "out").increment(stats.tokensOut());
    if (stats.costUsd() != null) {
      Counter.builder(Metrics.MODEL_COST)
          .description("Estimated model cost from the price table")
          .tags("provider", stats.provider(), "model", stats.model())
          .register(registry)
          .increment(stats.costUsd().doubleValue());
    }
    try {
      usage.record(
          new UsageRecord(
              task.taskId(),
              kind,
              task.owner(),
              stats.provider(),
              stats.model(),
              stats.calls(),
              stats.latencyMillis(),
              stats.tokensIn(),
              stats.tokensOut(),
              stats.costUsd(),
              outcome));
    } catch (Exception e) {
      LOG.warnf(
          "Task(id=%s) the usage of its model calls could not be recorded: %s",
          task.taskId(), e.toString());
    }
    gate.spent(stats.provider());
  }

  /** Slows every node down for {@code wait}; at worst this node alone waits, as the task does. */
  private void slowDown(ClaimedTask task, String provider, Duration wait) {
    try {
      gate.pushedBack(provider, wait, Actor.system(settings.nodeName()));
    } catch (Exception e) {
      LOG.warnf(
          "Task(id=%s) %s asked to slow down for %d s, which could not be recorded: %s",
          task.taskId(), provider, wait.toSeconds(), e.toString());
    }
  }

  private static Counter tokens(MeterRegistry registry, CallStats stats, String direction) {
    return Counter.builder(Metrics.MODEL_TOKENS)
        .description("Model tokens, prompt (in) and completion (out)")
        .tags("provider", stats.provider(), "model", stats.model(), "direction", direction)
        .register(registry);
  }
}
