package dev.glimpse.infrastructure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * This node's meters (Micrometer), scraped in the Prometheus text format on {@code /metrics}:
 * Glimpse's own and the JVM's (memory, garbage collection, threads, CPU). Counters count what this
 * node did since it started; gauges of the task table hold for the whole cluster.
 */
@ApplicationScoped
public class Metrics {

  /** Timer of model calls, tagged provider, model, kind and outcome. */
  public static final String MODEL_CALL = "glimpse.model.call";

  /** Counter of model tokens, tagged provider, model and direction (in, out). */
  public static final String MODEL_TOKENS = "glimpse.model.tokens";

  /** Counter of estimated model cost in US dollars, tagged provider and model. */
  public static final String MODEL_COST = "glimpse.model.cost.usd";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final JvmGcMetrics gc = new JvmGcMetrics();

  @PostConstruct
  void bindJvm() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The model calls this node made since it started, all providers and models together. */
  public ModelCallStats modelCalls() {
    long calls = 0;
    double totalMillis = 0;
    for (Timer timer : registry.find(MODEL_CALL).timers()) {
      calls += timer.count();
      totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
    }
    return new ModelCallStats(
        calls,
        calls == 0 ? 0 : totalMillis / calls,
        (long) sum(registry.find(MODEL_TOKENS).tag("direction", "in")),
        (long) sum(registry.find(MODEL_TOKENS).tag("direction", "out")),
        sum(registry.find(MODEL_COST)));
  }

  /** Every meter in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  private static double sum(Search search) {
    return search.counters().stream().mapToDouble(Counter::count).sum();
  }

  @PreDestroy
  void close() {
    gc.close();
    registry.close();
  }
}
