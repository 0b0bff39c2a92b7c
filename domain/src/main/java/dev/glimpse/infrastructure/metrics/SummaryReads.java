package dev.glimpse.infrastructure.metrics;

import dev.glimpse.domain.document.StoredSummary;
import dev.glimpse.domain.document.SummaryRead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts how summary reads were served: a hit (fresh summary), a stale hit (the document changed
 * since; a refresh is on its way) or a miss (none yet), with the tokens and cost a hit saved — what
 * making the summary again would have cost — and how long answering took. This node's counts are on
 * its meters; every {@value #FLUSH_SECONDS} s it also adds them to the cluster's count of the day
 * ({@link SummaryReadDays}), which the dashboard shows.
 */
@ApplicationScoped
public class SummaryReads {

  static final long FLUSH_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(SummaryReads.class);

  @Inject Metrics metrics;

  @Inject SummaryReadDays days;

  @Resource ManagedScheduledExecutorService scheduler;

  Clock clock = Clock.systemUTC();

  private final AtomicLong unflushedHits = new AtomicLong();
  private final AtomicLong unflushedStale = new AtomicLong();
  private final AtomicLong unflushedMisses = new AtomicLong();
  private ScheduledFuture<?> flushing;

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
    flushing =
        scheduler.scheduleWithFixedDelay(
            this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  /** Adds what this node counted since the last flush to the cluster's count of the day. */
  void flush() {
    long hit = unflushedHits.getAndSet(0);
    long stale = unflushedStale.getAndSet(0);
    long miss = unflushedMisses.getAndSet(0);
    if (hit + stale + miss == 0) {
      return;
    }
    try {
      days.add(LocalDate.now(clock.withZone(ZoneOffset.UTC)), hit, stale, miss);
    } catch (Exception e) {
      unflushedHits.addAndGet(hit);
      unflushedStale.addAndGet(stale);
      unflushedMisses.addAndGet(miss);
      LOG.debugf("Summary reads not added to the day's count yet: %s", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    flush();
  }

  /** Counts a read answered with {@code read}, which took {@code took}. */
  public void served(SummaryRead read, Duration took) {
    latency.record(took);
    StoredSummary summary = read.summary();
    if (summary == null) {
      misses.increment();
      unflushedMisses.incrementAndGet();
    } else if (read.summaryIsFresh()) {
      hits.increment();
      unflushedHits.incrementAndGet();
      tokensSaved.increment(summary.tokensIn() + summary.tokensOut());
      if (summary.costUsd() != null) {
        costSaved.increment(summary.costUsd().doubleValue());
      }
    } else {
      staleHits.increment();
      unflushedStale.incrementAndGet();
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
