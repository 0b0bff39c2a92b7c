package dev.glimpse.domain.task;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The named transitions of an {@link AiTask}: each verb says from which states it may be taken and
 * the one state it leads to. This is the state machine's only table; {@link TaskStatus} derives its
 * arrows from it.
 *
 * <pre>
 *  PENDING ──claim──▶ PROCESSING ──complete──▶ COMPLETED ──approve──▶ COMPLETED (a person agrees)
 *                        │ │ │ ──flag──────▶ FLAGGED ──approve──▶ COMPLETED
 *                        │ │ └──fail──────▶ FAILED
 *                        │ └─retry later / expire lease──▶ PENDING
 *  FAILED, FLAGGED ──requeue──▶ PENDING       COMPLETED, FLAGGED ──reject──▶ PENDING
 *  COMPLETED, FLAGGED, FAILED ──regenerate──▶ PENDING
 * </pre>
 */
public enum TaskVerb {
  /** A node takes a due task under a lease. */
  CLAIM(TaskStatus.PROCESSING, TaskStatus.PENDING),
  /** The attempt produced a confident result. */
  COMPLETE(TaskStatus.COMPLETED, TaskStatus.PROCESSING),
  /** The attempt produced something a person must look at. */
  FLAG(TaskStatus.FLAGGED, TaskStatus.PROCESSING),
  /** The attempt failed for good, or its attempts ran out. */
  FAIL(TaskStatus.FAILED, TaskStatus.PROCESSING),
  /** The attempt failed in a way a later one may not: back to waiting, after a backoff. */
  RETRY_LATER(TaskStatus.PENDING, TaskStatus.PROCESSING),
  /** The node holding the task stopped answering before its lease ran out. */
  EXPIRE_LEASE(TaskStatus.PENDING, TaskStatus.PROCESSING),
  /** A person accepts the result, as it is or edited; on a COMPLETED task nothing moves. */
  APPROVE(TaskStatus.COMPLETED, TaskStatus.COMPLETED, TaskStatus.FLAGGED),
  /** A person turns the result down: it is made again. */
  REJECT(TaskStatus.PENDING, TaskStatus.COMPLETED, TaskStatus.FLAGGED),
  /** A person or a client asks a failed or flagged task for another try. */
  REQUEUE(TaskStatus.PENDING, TaskStatus.FAILED, TaskStatus.FLAGGED),
  /** A person or a client asks for the result to be made again, whatever the last one was. */
  REGENERATE(TaskStatus.PENDING, TaskStatus.COMPLETED, TaskStatus.FLAGGED, TaskStatus.FAILED);

  private final TaskStatus target;
  private final Set<TaskStatus> from;

  TaskVerb(TaskStatus target, TaskStatus first, TaskStatus... more) {
    this.target = target;
    this.from = Collections.unmodifiableSet(EnumSet.of(first, more));
  }

  /** Whether a task in {@code status} may take this verb. */
  public boolean allowedFrom(TaskStatus status) {
    return from.contains(status);
  }

  /** The states a task may take this verb from. */
  public Set<TaskStatus> from() {
    return from;
  }

  /** The state this verb leads to. */
  public TaskStatus target() {
    return target;
  }

  /** The verb's name in the audit trail and in errors: {@code retry-later}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
