package dev.glimpse.infrastructure.metrics;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.StoredSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts how summary reads were served: a hit (fresh summary), a stale hit (the document changed
 * since; a refresh is on its way) or a miss (none yet), with the tokens and cost a hit saved — what
 * making the summary again would have cost — and how long answering took.
 */
@ApplicationScoped
public class SummaryReads {

  @Inject Metrics metrics;

  private Counter hits;
  private Counter staleHits;
  private Counter misses;
  private Counter tokensSaved;
  private Counter costSaved;
  private Timer latency;

  @PostConstruct
  void register() {
    var registry = metrics.registry();
    hits = result("hit");
    staleHits = result("stale");
    misses = result("miss");
    tokensSaved =
        Counter.builder("glimpse.summary.tokens.saved")
            .description("Model tokens that fresh summary hits did not spend")
            .register(registry);
    costSaved =
        Counter.builder("glimpse.summary.cost.saved.usd")
            .description("Estimated model cost that fresh summary hits did not spend")
            .register(registry);
    latency =
        Timer.builder("glimpse.summary.read")
            .description("Time to answer a summary read, without waiting for a new summary")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  /** Counts a read answered from {@code listing}, which took {@code took}. */
  public void served(DocumentListing listing, Duration took) {
    latency.record(took);
    StoredSummary summary = listing.summary();
    if (summary == null) {
      misses.increment();
    } else if (listing.summaryIsFresh()) {
      hits.increment();
      tokensSaved.increment(summary.tokensIn() + summary.tokensOut());
      if (summary.costUsd() != null) {
        costSaved.increment(summary.costUsd().doubleValue());
      }
    } else {
      staleHits.increment();
    }
  }

  /** The counts so far on this node. */
  public SummaryReadStats stats() {
    long hit = (long) hits.count();
    long stale = (long) staleHits.count();
    long miss = (long) misses.count();
    long all = hit + stale + miss;
    return new SummaryReadStats(
        hit,
        stale,
        miss,
        all == 0 ? 0 : (double) hit / all,
        (long) tokensSaved.count(),
        costSaved.count(),
        latency.mean(TimeUnit.MILLISECONDS));
  }

  private Counter result(String result) {
    return Counter.builder("glimpse.summary.reads")
        .description("Summary reads by how they were served")
        .tag("result", result)
        .register(metrics.registry());
  }
}
