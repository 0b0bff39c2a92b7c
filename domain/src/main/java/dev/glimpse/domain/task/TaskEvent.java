package dev.glimpse.domain.task;

import dev.glimpse.domain.support.Texts;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a task's audit trail: a transition (from → to) or a step inside a state (from = to),
 * with the time, the actor and a short message. Written only by {@link AiTask}. A transition is
 * also written to the event log ({@link EventLogEntry}), in the same transaction.
 */
@Entity
@Table(
    name = "task_event",
    indexes = {
      @Index(name = "ix_task_event_task", columnList = "task_id"),
      @Index(name = "ix_task_event_at", columnList = "at")
    })
public class TaskEvent {

  static final int MESSAGE_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_event_seq")
  @SequenceGenerator(name = "task_event_seq", sequenceName = "task_event_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "task_id", nullable = false)
  private AiTask task;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 16)
  private TaskStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 16, nullable = false)
  private TaskStatus toStatus;

  @Column(name = "actor", length = 200, nullable = false)
  private String actor;

  @Column(name = "step", length = 64, nullable = false)
  private String step;

  @Column(name = "message", length = MESSAGE_LENGTH)
  private String message;

  /** The kind of failure that ended an attempt here (retried, failed, lease lost), else null. */
  @Column(name = "error_kind", length = 32)
  private String errorKind;

  @OneToOne(mappedBy = "auditEntry", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  private EventLogEntry published;

  protected TaskEvent() {}

  TaskEvent(
      AiTask task,
      Instant at,
      TaskStatus from,
      TaskStatus to,
      Actor actor,
      String step,
      String message,
      String errorKind) {
    this.task = task;
    this.at = at;
    this.fromStatus = from;
    this.toStatus = to;
    this.actor = actor.toString();
    this.step = step;
    this.message = Texts.bounded(message, MESSAGE_LENGTH);
    this.errorKind = errorKind;
    if (isTransition()) {
      this.published = new EventLogEntry(this, task, to, at);
    }
  }

  /** Drops the line's wording, which may quote its item; who, when and which change stay. */
  void forgetWording() {
    this.message = null;
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public TaskStatus fromStatus() {
    return fromStatus;
  }

  public TaskStatus toStatus() {
    return toStatus;
  }

  public String actor() {
    return actor;
  }

  public String step() {
    return step;
  }

  public String message() {
    return message;
  }

  /** The kind of failure that ended an attempt on this line, or null. */
  public String errorKind() {
    return errorKind;
  }

  /** Whether this line records a change of state rather than a step inside one. */
  public boolean isTransition() {
    return fromStatus != toStatus;
  }
}
