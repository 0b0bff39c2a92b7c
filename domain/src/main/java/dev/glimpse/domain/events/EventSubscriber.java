package dev.glimpse.domain.events;

import java.util.concurrent.CompletionStage;

/**
 * What receives task changes from the {@link EventFeed}: an event stream, a console push, a waiting
 * read. The feed hands over one change at a time, the next once the previous one's stage completed;
 * none of these methods may block.
 */
public interface EventSubscriber {

  /**
   * Writes {@code change}; the stage completes when it is written, exceptionally if it cannot be.
   */
  CompletionStage<?> deliver(TaskChange change);

  /**
   * Writes that what the subscriber asked to replay is no longer in the log (older than the
   * retention window, or unknown): it should reload the state of its items, then resume after
   * {@code eventId}, the changes after which it receives next.
   */
  CompletionStage<?> restart(long eventId);

  /** The feed stopped delivering: the subscriber fell behind by more than its buffer, or failed. */
  void dropped();
}
