package dev.glimpse.domain.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A task's change of status as subscribers receive it: one row of the event log, written by the
 * audit-trail line it publishes in that line's transaction, so that a change is in the log exactly
 * when it committed. Its event id ({@code event_id}) is assigned after commit, by the event log's
 * numbering. Rows are purged after the retention window; the audit trail stays.
 */
@Entity
@EntityListeners(EventLogAnnouncer.class)
@Table(
    name = "event_log",
    indexes = {
      @Index(name = "ux_event_log_event_id", columnList = "event_id", unique = true),
      @Index(name = "ix_event_log_owner", columnList = "owner, event_id"),
      @Index(name = "ix_event_log_numbered_at", columnList = "numbered_at"),
      @Index(name = "ix_event_log_task_event", columnList = "task_event_id")
    })
public class EventLogEntry {

  /**
   * The order of writing: a sequence without preallocation, so that of two changes of one task the
   * later transaction always has the greater id (it read the task after the earlier one committed).
   */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_log_seq")
  @SequenceGenerator(name = "event_log_seq", sequenceName = "event_log_seq", allocationSize = 1)
  private Long id;

  @Column(name = "event_id")
  private Long eventId;

  @Column(name = "numbered_at")
  private Instant numberedAt;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "task_event_id", nullable = false)
  private TaskEvent auditEntry;

  @Column(name = "task_id", length = 36, nullable = false)
  private String taskId;

  @Column(name = "kind", length = 32, nullable = false)
  private String kind;

  @Column(name = "subject_type", length = 16, nullable = false)
  private String subjectType;

  @Column(name = "subject_id", length = 36, nullable = false)
  private String subjectId;

  @Column(name = "status", length = 16, nullable = false)
  private String status;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "owner", length = 200, nullable = false)
  private String owner;

  protected EventLogEntry() {}

  EventLogEntry(TaskEvent auditEntry, AiTask task, TaskStatus status, Instant at) {
    this.auditEntry = auditEntry;
    this.taskId = task.id();
    this.kind = task.kind().name();
    this.subjectType = task.kind().subjectType();
    this.subjectId = task.subjectId();
    this.owner = task.owner();
    this.status = status.name();
    this.at = at;
  }

  public String taskId() {
    return taskId;
  }
}
