package dev.glimpse.domain.task;

import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One piece of AI work and its state machine. Every change of {@link #status()} goes through {@link
 * #perform}, which checks the {@link TaskVerb} table and appends a {@link TaskEvent} to the audit
 * trail; the verbs ({@link #claim}, {@link #conclude}, {@link #approve}, {@link #requeue} …) are
 * the only way in.
 */
@Entity
@Table(
    name = "ai_task",
    indexes = {
      @Index(name = "ix_ai_task_due", columnList = "status, kind, priority_rank, next_attempt_at"),
      @Index(name = "ix_ai_task_subject", columnList = "subject_id"),
      @Index(name = "ix_ai_task_created", columnList = "kind, created_at"),
      @Index(name = "ix_ai_task_backfill", columnList = "backfill_id, status")
    })
@NamedQuery(
    name = AiTask.DUE_IDS,
    query =
        "SELECT t.id FROM AiTask t WHERE t.status = dev.glimpse.domain.task.TaskStatus.PENDING"
            + " AND t.kind = :kind AND t.nextAttemptAt <= :now"
            + " ORDER BY t.priorityRank, t.nextAttemptAt, t.createdAt")
@NamedQuery(
    name = AiTask.DUE_IDS_OF_RANK,
    query =
        "SELECT t.id FROM AiTask t WHERE t.status = dev.glimpse.domain.task.TaskStatus.PENDING"
            + " AND t.kind = :kind AND t.nextAttemptAt <= :now AND t.priorityRank = :rank"
            + " ORDER BY t.nextAttemptAt, t.createdAt")
@NamedQuery(
    name = AiTask.LATEST_OF_SUBJECT,
    query =
        "SELECT t FROM AiTask t WHERE t.kind = :kind AND t.subjectId = :subject"
            + " ORDER BY t.createdAt DESC, t.id")
@NamedQuery(
    name = AiTask.EXPIRED_LEASE_IDS,
    query =
        "SELECT t.id FROM AiTask t WHERE t.status = dev.glimpse.domain.task.TaskStatus.PROCESSING"
            + " AND t.leaseUntil < :now ORDER BY t.leaseUntil")
@NamedQuery(
    name = AiTask.HELD_BY_NODE,
    query =
        "SELECT t.id, t.leaseOwner FROM AiTask t"
            + " WHERE t.status = dev.glimpse.domain.task.TaskStatus.PROCESSING"
            + " AND t.leaseOwner LIKE :prefix ESCAPE '!'")
public class AiTask {

  public static final String DUE_IDS = "AiTask.dueIds";
  public static final String DUE_IDS_OF_RANK = "AiTask.dueIdsOfRank";
  public static final String EXPIRED_LEASE_IDS = "AiTask.expiredLeaseIds";
  public static final String HELD_BY_NODE = "AiTask.heldByNode";
  public static final String LATEST_OF_SUBJECT = "AiTask.latestOfSubject";
  static final int ERROR_LENGTH = 2000;
  static final int RESPONSE_LENGTH = 8192;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 32, nullable = false)
  private TaskKind kind;

  @Column(name = "subject_id", length = 36, nullable = false)
  private String subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private TaskStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "priority", length = 8, nullable = false)
  private TaskPriority priority;

  @Column(name = "priority_rank", nullable = false)
  private int priorityRank;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_owner", length = 200)
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "error_kind", length = 32)
  private String errorKind;

  @Column(name = "last_error", length = ERROR_LENGTH)
  private String lastError;

  @Column(name = "error_key", length = ReasonKey.LENGTH)
  private String errorKey;

  @Column(name = "last_response", length = RESPONSE_LENGTH)
  private String lastResponse;

  @Column(name = "owner", length = 200, nullable = false)
  private String owner;

  @Column(name = "backfill_id", length = 36)
  private String backfillId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST, orphanRemoval = true)
  @OrderBy("id")
  private List<TaskEvent> events = new ArrayList<>();

  protected AiTask() {}

  private AiTask(
      TaskKind kind,
      String subjectId,
      TaskPriority priority,
      int maxAttempts,
      String owner,
      Instant now) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.id = UUID.randomUUID().toString();
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
    this.priority = Objects.requireNonNull(priority, "priority");
    this.priorityRank = priority.rank();
    this.maxAttempts = maxAttempts;
    this.owner = Objects.requireNonNull(owner, "owner");
    this.createdAt = now;
    this.updatedAt = now;
    this.nextAttemptAt = now;
  }

  /**
   * A new PENDING task for the item {@code subjectId} of {@code owner}, due at once, whose audit
   * trail starts with its creation by {@code actor}. The task belongs to the item's owner, whoever
   * asked for it: a client sees the tasks of its items, also those a person or a backfill made.
   */
  public static AiTask enqueue(
      TaskKind kind,
      String subjectId,
      String owner,
      TaskPriority priority,
      int maxAttempts,
      Actor actor,
      Instant now) {
    AiTask task = new AiTask(kind, subjectId, priority, maxAttempts, owner, now);
    task.status = TaskStatus.PENDING;
    task.events.add(
        new TaskEvent(
            task, now, null, TaskStatus.PENDING, actor, "enqueued", priority + " priority", null));
    return task;
  }

  /** PENDING → PROCESSING: this node holds the task until {@code leaseUntil}; counts an attempt. */
  public void claim(String owner, Instant leaseUntil, Actor actor, Instant now) {
    perform(
        TaskVerb.CLAIM, actor, "claimed", "attempt " + (attempts + 1) + " of " + maxAttempts, now);
    this.attempts++;
    this.leaseOwner = Objects.requireNonNull(owner, "owner");
    this.leaseUntil = leaseUntil;
  }

  /** Records a step inside the current state in the audit trail, without a transition. */
  public void recordStep(Actor actor, String step, String message, Instant now) {
    events.add(new TaskEvent(this, now, status, status, actor, step, message, null));
    this.updatedAt = now;
  }

  /**
   * Forgets what the task learned of its item, which was deleted: the model's last answer, the
   * wording of its last error, and the audit trail's wording. The trail keeps its changes of status
   * as bare facts (when, who, from and to: what event streams delivered), loses its other lines,
   * and gains one: that the item was deleted, by {@code actor}, at {@code now}. The status stays; a
   * task still due ends when it finds its item gone.
   */
  public void forgetDeletedItem(Actor actor, Instant now) {
    this.lastResponse = null;
    if (lastError != null) {
      this.lastError = ITEM_DELETED;
      this.errorKey = ReasonKey.of(ITEM_DELETED);
    }
    events.removeIf(event -> !event.isTransition());
    events.forEach(TaskEvent::forgetWording);
    recordStep(
        actor, "item-deleted", ITEM_DELETED + "; its model answers and texts went with it", now);
  }

  /**
   * Ends the current attempt with {@code outcome}. A retryable outcome goes back to PENDING after a
   * backoff while attempts remain, else to FAILED with the reason kept.
   */
  public void conclude(
      TaskOutcome outcome, Actor actor, Backoff backoff, RandomGenerator random, Instant now) {
    if (outcome instanceof TaskOutcome.Completed completed) {
      perform(TaskVerb.COMPLETE, actor, "completed", completed.note(), now);
      clearError();
    } else if (outcome instanceof TaskOutcome.Flagged flagged) {
      perform(TaskVerb.FLAG, actor, "flagged", flagged.reason(), now);
      clearError();
    } else if (outcome instanceof TaskOutcome.Failed failed) {
      perform(
          TaskVerb.FAIL,
          actor,
          "failed",
          failed.errorKind() + ": " + failed.reason(),
          failed.errorKind(),
          now);
      keepError(failed.errorKind(), failed.reason());
    } else if (outcome instanceof TaskOutcome.Retry retry) {
      retryLater(TaskVerb.RETRY_LATER, retry, actor, backoff, random, now);
    } else {
      throw new IllegalArgumentException("unknown outcome " + outcome);
    }
  }

  /**
   * PROCESSING → PENDING, due at once, when the lease ran out before an outcome was recorded: the
   * node holding it crashed, or its work stopped making progress and stopped renewing the lease.
   * The attempt it made counts; on the last one the task FAILS.
   */
  public void expireLease(Actor actor, Instant now) {
    takeBack(
        "lease-expired",
        "the lease of " + leaseOwner + " expired before it recorded an outcome",
        actor,
        now);
  }

  /**
   * PROCESSING → PENDING, due at once, when the node that held the lease starts again: whatever it
   * was doing died with it. The attempt counts; on the last one the task FAILS.
   */
  public void releaseAfterRestart(Actor actor, Instant now) {
    takeBack(
        "node-restarted",
        "the node holding " + leaseOwner + " restarted before it recorded an outcome",
        actor,
        now);
  }

  /**
   * Whether this task is PROCESSING under a lease that ran out by {@code now}: its holder neither
   * recorded an outcome nor renewed the lease in time.
   */
  public boolean leaseExpiredBy(Instant now) {
    return status == TaskStatus.PROCESSING && leaseUntil != null && leaseUntil.isBefore(now);
  }

  /**
   * A person accepts the result (COMPLETED or FLAGGED → COMPLETED): {@code step} says how, such as
   * {@code approved} or {@code edited}.
   */
  public void approve(Actor actor, String step, String note, Instant now) {
    perform(TaskVerb.APPROVE, actor, step, note, now);
    clearError();
  }

  /** A person turns the result down (COMPLETED or FLAGGED → PENDING): it is made again at once. */
  public void reject(Actor actor, String note, Instant now) {
    startOver(TaskVerb.REJECT, actor, "rejected", note, priority, now);
  }

  /**
   * FAILED or FLAGGED → PENDING at once, with a fresh allowance of attempts: a person or a client
   * asks for another try.
   */
  public void requeue(Actor actor, Instant now) {
    startOver(TaskVerb.REQUEUE, actor, "requeued", priority + " priority", priority, now);
  }

  /**
   * COMPLETED, FLAGGED or FAILED → PENDING at once: the result is made again at {@code
   * newPriority}.
   */
  public void regenerate(Actor actor, TaskPriority newPriority, Instant now) {
    startOver(
        TaskVerb.REGENERATE, actor, "regenerate", newPriority + " priority", newPriority, now);
  }

  /** Makes a waiting task due no sooner than {@code dueAt}: later edits coalesce into it. */
  public void deferUntil(Instant dueAt, Instant now) {
    if (status == TaskStatus.PENDING && dueAt.isAfter(nextAttemptAt)) {
      this.nextAttemptAt = dueAt;
      this.updatedAt = now;
    }
  }

  /** Raises or lowers the priority of a waiting task; someone now waits for it, or no longer. */
  public void prioritize(TaskPriority newPriority, Actor actor, Instant now) {
    if (status != TaskStatus.PENDING || priority == newPriority) {
      return;
    }
    recordStep(actor, "reprioritized", priority + " → " + newPriority, now);
    this.priority = newPriority;
    this.priorityRank = newPriority.rank();
  }

  /** Counts this task as work that backfill {@code id} handed to the queue. */
  public void handedOverBy(String id, Actor actor, Instant now) {
    this.backfillId = Objects.requireNonNull(id, "id");
    recordStep(actor, "backfill", "handed to the queue by backfill " + id, now);
  }

  /** Keeps the model's last raw answer for diagnosis, bounded; null when none came. */
  public void keepResponse(String response) {
    this.lastResponse = Texts.bounded(response, RESPONSE_LENGTH);
  }

  /** Whether this task is PROCESSING under the lease of {@code owner}. */
  public boolean isLeasedBy(String owner) {
    return status == TaskStatus.PROCESSING && Objects.equals(leaseOwner, owner);
  }

  private void retryLater(
      TaskVerb verb,
      TaskOutcome.Retry retry,
      Actor actor,
      Backoff backoff,
      RandomGenerator random,
      Instant now) {
    require(verb);
    keepError(retry.errorKind(), retry.reason());
    if (!retry.attempted()) {
      attempts--;
    }
    if (!failIfExhausted(retry, actor, now)) {
      Duration delay = backoff.delayAfter(attempts, retry.notBefore(), random);
      this.nextAttemptAt = now.plus(delay);
      perform(
          verb,
          actor,
          "retry-scheduled",
          retry.errorKind()
              + ": "
              + retry.reason()
              + " (next attempt in "
              + delay.toSeconds()
              + " s)",
          retry.errorKind(),
          now);
    }
  }

  /**
   * Ends the lease without an outcome: the task is due again at once, behind the work already due,
   * its attempt counted. Were it first in the queue again, the tasks in flight when a node crashes
   * would be the ones in flight at its next crash too, and repeated crashes would use up their
   * attempts.
   */
  private void takeBack(String errorKind, String reason, Actor actor, Instant now) {
    require(TaskVerb.EXPIRE_LEASE);
    TaskOutcome.Retry retry = new TaskOutcome.Retry(errorKind, reason, null, true);
    keepError(retry.errorKind(), retry.reason());
    if (!failIfExhausted(retry, actor, now)) {
      this.nextAttemptAt = now;
      perform(TaskVerb.EXPIRE_LEASE, actor, errorKind, errorKind + ": " + reason, errorKind, now);
    }
  }

  private boolean failIfExhausted(TaskOutcome.Retry retry, Actor actor, Instant now) {
    if (attempts < maxAttempts) {
      return false;
    }
    perform(
        TaskVerb.FAIL,
        actor,
        "attempts-exhausted",
        retry.errorKind() + " after " + attempts + " attempts: " + retry.reason(),
        retry.errorKind(),
        now);
    return true;
  }

  private void startOver(
      TaskVerb verb, Actor actor, String step, String note, TaskPriority newPriority, Instant now) {
    perform(verb, actor, step, note, now);
    this.attempts = 0;
    this.priority = newPriority;
    this.priorityRank = newPriority.rank();
    this.nextAttemptAt = now;
  }

  /**
   * The one place a status changes: checks that the state allows {@code verb}, moves to its target
   * and appends the step to the audit trail.
   */
  private void perform(TaskVerb verb, Actor actor, String step, String message, Instant now) {
    perform(verb, actor, step, message, null, now);
  }

  /**
   * As {@link #perform}, for a transition that ends an attempt in a failure of {@code errorKind}.
   */
  private void perform(
      TaskVerb verb, Actor actor, String step, String message, String errorKind, Instant now) {
    require(verb);
    TaskStatus from = status;
    this.status = verb.target();
    if (status != TaskStatus.PROCESSING) {
      this.leaseOwner = null;
      this.leaseUntil = null;
    }
    this.updatedAt = now;
    events.add(new TaskEvent(this, now, from, status, actor, step, message, errorKind));
  }

  private static final String ITEM_DELETED = "its item was deleted";

  private void require(TaskVerb verb) {
    if (!verb.allowedFrom(status)) {
      throw new IllegalTaskTransitionException(id, verb, status);
    }
  }

  private void keepError(String kind, String reason) {
    this.errorKind = Texts.bounded(kind, 32);
    this.lastError = Texts.bounded(reason, ERROR_LENGTH);
    this.errorKey = ReasonKey.of(reason);
  }

  private void clearError() {
    this.errorKind = null;
    this.lastError = null;
    this.errorKey = null;
  }

  public String id() {
    return id;
  }

  public TaskKind kind() {
    return kind;
  }

  public String subjectId() {
    return subjectId;
  }

  public TaskStatus status() {
    return status;
  }

  public TaskPriority priority() {
    return priority;
  }

  public int attempts() {
    return attempts;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String leaseOwner() {
    return leaseOwner;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }

  public String errorKind() {
    return errorKind;
  }

  public String lastError() {
    return lastError;
  }

  /** The last error with its particulars blanked out: failures of one cause share it. */
  public String errorKey() {
    return errorKey;
  }

  public String owner() {
    return owner;
  }

  /** The backfill that handed this task to the queue, if one did. */
  public String backfillId() {
    return backfillId;
  }

  /** The model's last raw answer, bounded, or null. */
  public String lastResponse() {
    return lastResponse;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The audit trail, oldest first. */
  public List<TaskEvent> events() {
    return Collections.unmodifiableList(events);
  }
}
