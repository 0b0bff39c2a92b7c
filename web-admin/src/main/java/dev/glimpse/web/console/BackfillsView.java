package dev.glimpse.web.console;

import dev.glimpse.domain.backfill.Backfill;
import dev.glimpse.domain.backfill.BackfillEstimate;
import dev.glimpse.domain.backfill.BackfillPlan;
import dev.glimpse.domain.backfill.BackfillProgress;
import dev.glimpse.domain.backfill.BackfillScope;
import dev.glimpse.domain.backfill.BackfillStateException;
import dev.glimpse.domain.backfill.BackfillStatus;
import dev.glimpse.domain.backfill.Backfills;
import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs {@code /admin/backfills.xhtml} (admins only): a dry run that counts and prices, then the
 * start of the backfill it previewed; and the recent backfills with pause, resume and cancel. The
 * images page links here with its filters that apply to images without ALT text.
 */
@Named
@ViewScoped
public class BackfillsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int RECENT = 20;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject transient Backfills backfills;

  @Inject transient TaskRunTrigger trigger;

  private String kind = "images";
  private String text;
  private String errorKind;
  private String from;
  private String to;
  private String cap;
  private String priority = TaskPriority.LOW.name();
  private BackfillPlan plan;

  /** Takes the filters the images page links here with. */
  @PostConstruct
  void init() {
    Map<String, String> request =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    text = request.get("q");
    errorKind = request.get("error");
    from = request.get("from");
    to = request.get("to");
  }

  /** Counts the items the form selects and estimates their cost; the start button follows. */
  public void dryRun() {
    try {
      plan = backfills.plan(scope(), parseCap());
    } catch (IllegalArgumentException e) {
      plan = null;
      Console.warn(e.getMessage());
    }
  }

  /** Starts the backfill the dry run previewed. */
  public void start() {
    if (plan == null) {
      Console.warn("Make a dry run first.");
      return;
    }
    BackfillProgress started =
        backfills.start(plan.scope(), plan.cap(), TaskPriority.valueOf(priority), Console.actor());
    trigger.runSoon();
    Console.inform(
        "Backfill started: "
            + started.backfill().planned()
            + " "
            + noun(started.backfill().kind())
            + " go to the queue at "
            + priority
            + " priority.");
    plan = null;
  }

  public void pause(String id) {
    act(() -> backfills.pause(id, null, Console.actor()), "paused");
  }

  public void resume(String id) {
    act(() -> backfills.resume(id, null, Console.actor()), "resumed");
    trigger.runSoon();
  }

  public void cancel(String id) {
    act(() -> backfills.cancel(id, null, Console.actor()), "cancelled");
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Console.inform("Backfill " + done + ".");
    } catch (BackfillStateException e) {
      Console.warn(e.getMessage());
    }
  }

  /** One backfill as the list shows it. */
  public record Row(
      String id,
      String what,
      String status,
      String statusLine,
      int planned,
      int handedOver,
      long done,
      long failed,
      int percent,
      boolean running,
      boolean paused) {}

  /** The most recent backfills, newest first. */
  public List<Row> getBackfills() {
    return backfills.recent(null, RECENT).stream().map(BackfillsView::row).toList();
  }

  private static Row row(BackfillProgress progress) {
    Backfill backfill = progress.backfill();
    String what =
        noun(backfill.kind())
            + (backfill.cap() == null ? "" : ", at most " + backfill.cap())
            + ", "
            + backfill.priority()
            + " priority"
            + describe(backfill.scope());
    return new Row(
        backfill.id(),
        what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1),
        backfill.status().name(),
        backfill.status().name().toLowerCase(Locale.ROOT)
            + " by "
            + backfill.statusBy()
            + " at "
            + WHEN.format(backfill.statusAt()),
        backfill.planned(),
        backfill.enqueued(),
        progress.done(),
        progress.failed(),
        progress.percent(),
        backfill.status() == BackfillStatus.RUNNING,
        backfill.status() == BackfillStatus.PAUSED);
  }

  private static String describe(BackfillScope scope) {
    StringBuilder filters = new StringBuilder();
    if (scope.text() != null) {
      filters.append("; named like \"").append(scope.text()).append('"');
    }
    if (scope.errorKind() != null) {
      filters.append("; failed as ").append(scope.errorKind());
    }
    if (scope.uploadedFrom() != null) {
      filters.append("; from ").append(WHEN.format(scope.uploadedFrom()));
    }
    if (scope.uploadedBefore() != null) {
      filters.append("; before ").append(WHEN.format(scope.uploadedBefore()));
    }
    return filters.toString();
  }

  private static String noun(TaskKind kind) {
    return kind == TaskKind.DESCRIBE_IMAGE
        ? "images without ALT text"
        : "documents without a current summary";
  }

  private BackfillScope scope() {
    ImageFilterParams params = new ImageFilterParams();
    params.readFrom(Map.of("from", blank(from), "to", blank(to)));
    ImageFilter dates = params.toFilter(null);
    TaskKind taskKind =
        "documents".equals(kind) ? TaskKind.SUMMARIZE_DOCUMENT : TaskKind.DESCRIBE_IMAGE;
    return new BackfillScope(
        taskKind,
        null,
        text,
        taskKind == TaskKind.DESCRIBE_IMAGE ? errorKind : null,
        dates.uploadedFrom(),
        dates.uploadedBefore());
  }

  private Integer parseCap() {
    if (Texts.isBlank(cap)) {
      return null;
    }
    try {
      return Integer.valueOf(cap.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The cap must be a whole number, not '" + cap + "'.", e);
    }
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }

  /** The dry run's answer, until the form starts it. */
  public BackfillPlan getPlan() {
    return plan;
  }

  /** What the dry run found, in a sentence. */
  public String getPlanText() {
    if (plan == null) {
      return "";
    }
    String items = plan.items() + " " + noun(plan.scope().kind());
    return plan.items() == plan.candidates()
        ? items + " would go to the queue."
        : items + " would go to the queue, of " + plan.candidates() + " found (the cap).";
  }

  /** The estimate, or why there is none, in a sentence. */
  public String getEstimateText() {
    if (plan == null) {
      return "";
    }
    BackfillEstimate estimate = plan.estimate();
    if (estimate.tokens() == null) {
      return estimate.basis();
    }
    String cost =
        estimate.costUsd() == null
            ? "cost unknown"
            : "about $" + estimate.costUsd().setScale(2, RoundingMode.UP).toPlainString();
    return "About " + estimate.tokens() + " tokens, " + cost + ". " + estimate.basis();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getErrorKind() {
    return errorKind;
  }

  public void setErrorKind(String errorKind) {
    this.errorKind = errorKind;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getCap() {
    return cap;
  }

  public void setCap(String cap) {
    this.cap = cap;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }
}
