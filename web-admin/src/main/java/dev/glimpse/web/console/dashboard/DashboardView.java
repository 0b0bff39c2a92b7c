package dev.glimpse.web.console.dashboard;

import dev.glimpse.domain.backfill.BackfillStatus;
import dev.glimpse.domain.operations.BackfillRun;
import dev.glimpse.domain.operations.ClusterFigures;
import dev.glimpse.domain.operations.Failures;
import dev.glimpse.domain.operations.Finished;
import dev.glimpse.domain.operations.Latency;
import dev.glimpse.domain.operations.OperationsFigures;
import dev.glimpse.domain.operations.Run;
import dev.glimpse.domain.operations.SummaryReadsToday;
import dev.glimpse.domain.provider.Budget;
import dev.glimpse.domain.provider.CallTrouble;
import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.RateLimits;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.domain.usage.Spend;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Backs {@code /admin/index.xhtml}, the console's home: the cluster's figures as tables, charts and
 * runs. Every request reads them once from {@link OperationsFigures}, so every node shows the same.
 */
@Named
@RequestScoped
public class DashboardView {

  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject OperationsFigures operations;

  @Inject ProviderGate gate;

  @Inject CallTrouble trouble;

  private ClusterFigures figures;

  private ClusterFigures figures() {
    if (figures == null) {
      figures = operations.current();
    }
    return figures;
  }

  /** One row of the work table: a kind's tasks by status. */
  public record KindRow(String kind, List<Long> counts, long total) {}

  /** The statuses, in the order the work table shows them. */
  public List<TaskStatus> getStatuses() {
    return List.of(TaskStatus.values());
  }

  /** A row per kind, then the total of every kind. */
  public List<KindRow> getWork() {
    List<KindRow> rows = new ArrayList<>();
    for (TaskKind kind : TaskKind.values()) {
      Map<TaskStatus, Long> byStatus = figures().tasks().get(kind);
      List<Long> counts =
          getStatuses().stream().map(status -> byStatus.getOrDefault(status, 0L)).toList();
      rows.add(
          new KindRow(kindName(kind), counts, counts.stream().mapToLong(Long::longValue).sum()));
    }
    List<Long> totals = getStatuses().stream().map(figures()::count).toList();
    rows.add(new KindRow("All", totals, totals.stream().mapToLong(Long::longValue).sum()));
    return rows;
  }

  public long getHighLane() {
    return figures().queue().get(TaskPriority.HIGH);
  }

  public long getLowLane() {
    return figures().queue().get(TaskPriority.LOW);
  }

  public long getAwaitingReview() {
    return figures().awaitingReview();
  }

  /** One run as the page shows it. */
  public record RunRow(
      String id, String label, long done, long total, int percent, String rate, String eta) {}

  /** The batch runs of every kind under way, then the backfills running or paused. */
  public List<RunRow> getRuns() {
    List<RunRow> rows = new ArrayList<>();
    for (Run run : figures().runs()) {
      rows.add(
          row(
              "run-" + run.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              kindName(run.kind()),
              run));
    }
    for (BackfillRun backfill : figures().backfills()) {
      rows.add(row("backfill-" + backfill.id(), backfillName(backfill), backfill.run()));
    }
    return rows;
  }

  /** What a backfill does, its cap, and who paused it when it is paused. */
  private static String backfillName(BackfillRun backfill) {
    String name = "Backfill: " + kindName(backfill.run().kind()).toLowerCase(Locale.ROOT);
    if (backfill.cap() != null) {
      name += ", at most " + backfill.cap();
    }
    if (backfill.status() == BackfillStatus.PAUSED) {
      name +=
          " (paused by " + backfill.statusBy() + " at " + MINUTE.format(backfill.statusAt()) + ")";
    }
    return name;
  }

  private static RunRow row(String id, String label, Run run) {
    return new RunRow(
        id,
        label,
        run.done(),
        run.total(),
        run.percent(),
        String.format(Locale.ROOT, "%.1f per minute", run.perMinute()),
        run.eta().map(DashboardView::eta).orElse("no estimate until items finish"));
  }

  static String eta(Duration left) {
    long seconds = left.toSeconds();
    if (seconds < 60) {
      return "about " + Math.max(seconds, 1) + " s left";
    }
    if (seconds < 3600) {
      return "about " + Math.round(seconds / 60.0) + " min left";
    }
    return String.format(Locale.ROOT, "about %.1f h left", seconds / 3600.0);
  }

  /** A labelled figure of a chart's table. */
  public record Point(String label, long value) {}

  /** Items finished per minute over the last hour, as the chart's table lists them. */
  public List<Point> getFinishedLastHour() {
    return points(figures().lastHour(), MINUTE);
  }

  /** Items finished per hour over the last day. */
  public List<Point> getFinishedLastDay() {
    return points(figures().lastDay(), MINUTE);
  }

  private static List<Point> points(List<Finished> series, DateTimeFormatter format) {
    return series.stream().map(f -> new Point(format.format(f.from()), f.items())).toList();
  }

  /** Items finished in the last hour, all minutes together. */
  public long getFinishedInLastHour() {
    return figures().lastHour().stream().mapToLong(Finished::items).sum();
  }

  public String getThroughputHourChart() {
    return Charts.bars(
        "Items finished per minute, last hour (UTC)",
        getFinishedLastHour().stream().map(Point::label).toList(),
        List.of(
            Charts.series(
                "Items finished",
                getFinishedLastHour().stream().map(Point::value).toList(),
                Charts.BLUE)));
  }

  public String getThroughputDayChart() {
    return Charts.bars(
        "Items finished per hour, last day (UTC)",
        getFinishedLastDay().stream().map(Point::label).toList(),
        List.of(
            Charts.series(
                "Items finished",
                getFinishedLastDay().stream().map(Point::value).toList(),
                Charts.BLUE)));
  }

  public List<Latency> getLatency() {
    return figures().latency();
  }

  public String getLatencyChart() {
    List<Latency> latency = getLatency();
    return Charts.bars(
        "Model latency per attempt, last hour (ms)",
        latency.stream().map(l -> l.provider() + "/" + l.model()).toList(),
        List.of(
            Charts.series("p50", latency.stream().map(Latency::p50Millis).toList(), Charts.BLUE),
            Charts.series(
                "p95", latency.stream().map(Latency::p95Millis).toList(), Charts.ORANGE)));
  }

  /** The failures of the last hour: one row per minute and error kind. */
  public List<FailureRow> getFailures() {
    return figures().failures().stream()
        .map(f -> new FailureRow(MINUTE.format(f.minute()), f.errorKind(), f.attempts()))
        .toList();
  }

  /** Attempts that failed in a minute for one error kind. */
  public record FailureRow(String minute, String errorKind, long attempts) {}

  public String getFailuresChart() {
    List<Failures> failures = figures().failures();
    List<Instant> minutes = figures().lastHour().stream().map(Finished::from).toList();
    List<Charts.Series> series = new ArrayList<>();
    List<String> colours = List.of(Charts.RED, Charts.ORANGE, Charts.PURPLE, Charts.GREY);
    int index = 0;
    for (String kind : new TreeSet<>(failures.stream().map(Failures::errorKind).toList())) {
      List<Long> perMinute =
          minutes.stream()
              .map(
                  minute ->
                      failures.stream()
                          .filter(f -> f.errorKind().equals(kind) && f.minute().equals(minute))
                          .mapToLong(Failures::attempts)
                          .sum())
              .toList();
      series.add(Charts.series(kind, perMinute, colours.get(index++ % colours.size())));
    }
    return Charts.stackedBars(
        "Failed attempts per minute by error kind, last hour (UTC)",
        minutes.stream().map(MINUTE::format).toList(),
        series);
  }

  /** Spend over a period as the page shows it. */
  public record SpendRow(String period, String cost, long tokens, long calls, String note) {}

  public List<SpendRow> getSpend() {
    return List.of(spend("Today (UTC)", figures().today()), spend("This month", figures().month()));
  }

  private static SpendRow spend(String period, Spend spend) {
    String note =
        spend.unpricedCalls() == 0
            ? ""
            : spend.unpricedCalls() + " calls to models without a price are not included";
    return new SpendRow(
        period,
        "$" + spend.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString(),
        spend.tokens(),
        spend.calls(),
        note);
  }

  /** The provider this node calls. */
  public String getProvider() {
    return gate.inUse();
  }

  /** Whether the provider's work goes on, and why not when it does not. */
  public String getProviderState() {
    return gate.state().describe();
  }

  /** What held this node's calls to the provider back of late, if anything. */
  public String getProviderTrouble() {
    return trouble.onThisNode(gate.inUse()).orElse(null);
  }

  /** How fast the cluster may call the provider, as a sentence. */
  public String getRateLimits() {
    RateLimits limits = gate.state().limits();
    return limits.isSet()
        ? "Held to " + limits.describe() + ", across the cluster."
        : "No rate limit is set.";
  }

  /** The provider's caps, as a sentence. */
  public String getBudget() {
    Budget budget = gate.state().budget();
    if (!budget.isSet()) {
      return "No budget is set.";
    }
    List<String> caps = new ArrayList<>();
    if (budget.dailyUsd() != null) {
      caps.add("$" + budget.dailyUsd().stripTrailingZeros().toPlainString() + " per day");
    }
    if (budget.monthlyUsd() != null) {
      caps.add("$" + budget.monthlyUsd().stripTrailingZeros().toPlainString() + " per month");
    }
    if (budget.dailyTokens() != null) {
      caps.add(budget.dailyTokens() + " tokens per day");
    }
    if (budget.monthlyTokens() != null) {
      caps.add(budget.monthlyTokens() + " tokens per month");
    }
    return "Budget of " + gate.inUse() + ": " + String.join(", ", caps) + ".";
  }

  /** Fresh hits among today's summary reads on every node, as a percentage. */
  public String getCacheHitRate() {
    SummaryReadsToday reads = figures().summaryReads();
    if (reads.reads() == 0) {
      return "no reads yet today";
    }
    return String.format(Locale.ROOT, "%.0f%%", reads.hitRate() * 100);
  }

  /** Today's summary reads on every node: fresh hits, stale hits and misses together. */
  public long getCacheReads() {
    return figures().summaryReads().reads();
  }

  /** When the figures were read, for the page's caption. */
  public String getReadAt() {
    return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
        .withZone(ZoneOffset.UTC)
        .format(figures().at());
  }

  static String kindName(TaskKind kind) {
    return kind == TaskKind.DESCRIBE_IMAGE ? "Image descriptions" : "Document summaries";
  }
}
