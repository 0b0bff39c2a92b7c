package dev.glimpse.domain.backfill;

import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A backfill: its scope, cap and priority, how far it has come through its candidates (in id order,
 * {@link #afterId()}), what it handed to the queue, and which job feeds it now. Everything a run
 * needs to go on after a restart is in this row, and it moves in the transaction that hands the
 * items over: an item is handed over once, whatever stops in between.
 */
@Entity
@Table(
    name = "backfill",
    indexes = @Index(name = "ix_backfill_status", columnList = "status, created_at"))
public class Backfill {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 32, nullable = false)
  private TaskKind kind;

  @Column(name = "owner", length = 200)
  private String owner;

  @Column(name = "filter_text", length = BackfillScope.TEXT_LENGTH)
  private String filterText;

  @Column(name = "filter_error_kind", length = BackfillScope.ERROR_KIND_LENGTH)
  private String filterErrorKind;

  @Column(name = "filter_from")
  private Instant filterFrom;

  @Column(name = "filter_before")
  private Instant filterBefore;

  @Column(name = "cap")
  private Integer cap;

  @Enumerated(EnumType.STRING)
  @Column(name = "priority", length = 8, nullable = false)
  private TaskPriority priority;

  @Column(name = "planned", nullable = false)
  private int planned;

  @Column(name = "enqueued", nullable = false)
  private int enqueued;

  @Column(name = "skipped", nullable = false)
  private int skipped;

  @Column(name = "after_id", length = 36)
  private String afterId;

  @Column(name = "fed", nullable = false)
  private boolean fed;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private BackfillStatus status;

  @Column(name = "status_by", length = 200, nullable = false)
  private String statusBy;

  @Column(name = "status_at", nullable = false)
  private Instant statusAt;

  @Column(name = "runner", length = 200)
  private String runner;

  @Column(name = "runner_until")
  private Instant runnerUntil;

  @Column(name = "created_by", length = 200, nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Backfill() {}

  Backfill(
      BackfillScope scope,
      Integer cap,
      TaskPriority priority,
      int planned,
      Actor actor,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.kind = scope.kind();
    this.owner = scope.owner();
    this.filterText = scope.text();
    this.filterErrorKind = scope.errorKind();
    this.filterFrom = scope.uploadedFrom();
    this.filterBefore = scope.uploadedBefore();
    this.cap = cap;
    this.priority = Objects.requireNonNull(priority, "priority");
    this.planned = planned;
    this.status = BackfillStatus.RUNNING;
    this.statusBy = actor.toString();
    this.statusAt = now;
    this.createdBy = actor.toString();
    this.createdAt = now;
  }

  /**
   * Makes {@code runner} the one job that feeds this backfill until {@code until}: when no other
   * holds it, or its hold ran out. Returns whether it does.
   */
  boolean run(String runner, Instant until, Instant now) {
    if (status != BackfillStatus.RUNNING
        || (this.runner != null && !this.runner.equals(runner) && runnerUntil.isAfter(now))) {
      return false;
    }
    this.runner = runner;
    this.runnerUntil = until;
    return true;
  }

  /** Whether {@code runner} may feed the queue for this backfill now. */
  boolean isRunBy(String runner, Instant now) {
    return status == BackfillStatus.RUNNING
        && runner.equals(this.runner)
        && runnerUntil.isAfter(now);
  }

  /** The job of {@code runner} stopped feeding this backfill: another may take over at once. */
  void release(String runner) {
    if (runner.equals(this.runner)) {
      letGo();
    }
  }

  /** Whether a job of {@code node} feeds this backfill (its runner names start with the node's). */
  boolean heldOn(String node) {
    return runner != null && runner.startsWith(node + "/");
  }

  /** No job feeds this backfill any more. */
  void letGo() {
    this.runner = null;
    this.runnerUntil = null;
  }

  /** How many more items the cap allows. */
  int room() {
    return cap == null ? Integer.MAX_VALUE : Math.max(cap - enqueued, 0);
  }

  /**
   * Records a page of candidates worked through up to {@code lastId}: {@code handedOver} went to
   * the queue, {@code passed} no longer needed the work.
   */
  void advance(String lastId, int handedOver, int passed) {
    this.afterId = lastId;
    this.enqueued += handedOver;
    this.skipped += passed;
  }

  /** Every candidate was handed over, or the cap reached: nothing more goes to the queue. */
  void allFed() {
    this.fed = true;
    this.planned = enqueued;
  }

  /** Everything handed over is done. */
  void done(Instant now) {
    this.status = BackfillStatus.DONE;
    this.finishedAt = now;
    letGo();
  }

  /** RUNNING → PAUSED: the queue gets nothing more until it is resumed. */
  void pause(Actor actor, Instant now) {
    change(BackfillStatus.PAUSED, "paused", actor, now, BackfillStatus.RUNNING);
  }

  /** PAUSED → RUNNING. */
  void resume(Actor actor, Instant now) {
    change(BackfillStatus.RUNNING, "resumed", actor, now, BackfillStatus.PAUSED);
  }

  /** RUNNING or PAUSED → CANCELLED, for good. */
  void cancel(Actor actor, Instant now) {
    change(
        BackfillStatus.CANCELLED,
        "cancelled",
        actor,
        now,
        BackfillStatus.RUNNING,
        BackfillStatus.PAUSED);
    this.finishedAt = now;
  }

  private void change(
      BackfillStatus target,
      String action,
      Actor actor,
      Instant now,
      BackfillStatus first,
      BackfillStatus... more) {
    if (status != first && !Arrays.asList(more).contains(status)) {
      throw new BackfillStateException(id, status, action);
    }
    this.status = target;
    this.statusBy = actor.toString();
    this.statusAt = now;
    letGo();
  }

  /** The scope the backfill was started with. */
  public BackfillScope scope() {
    return new BackfillScope(kind, owner, filterText, filterErrorKind, filterFrom, filterBefore);
  }

  public String id() {
    return id;
  }

  public TaskKind kind() {
    return kind;
  }

  public String owner() {
    return owner;
  }

  public Integer cap() {
    return cap;
  }

  public TaskPriority priority() {
    return priority;
  }

  /**
   * How many items the backfill will hand over: the candidates when it started, within the cap;
   * once it has fed the queue all it will, what it handed over.
   */
  public int planned() {
    return planned;
  }

  /** How many items it handed to the queue so far. */
  public int enqueued() {
    return enqueued;
  }

  /** How many candidates no longer needed the work when their turn came. */
  public int skipped() {
    return skipped;
  }

  public String afterId() {
    return afterId;
  }

  /** Whether it handed over everything it will. */
  public boolean fed() {
    return fed;
  }

  public BackfillStatus status() {
    return status;
  }

  /** Who last started, paused, resumed or cancelled it. */
  public String statusBy() {
    return statusBy;
  }

  public Instant statusAt() {
    return statusAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
