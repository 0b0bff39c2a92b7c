package dev.glimpse.gateway.chat;

import java.time.Duration;

/**
 * A transient failure whose provider asked for a wait longer than a call should block: not retried
 * within the call, so the task engine schedules the next attempt instead.
 */
public class DeferredCallException extends TransientCallException {

  public DeferredCallException(String reason, Duration retryAfter, String raw) {
    super(reason, retryAfter, raw);
  }
}
