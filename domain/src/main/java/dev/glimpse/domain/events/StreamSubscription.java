package dev.glimpse.domain.events;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The hold of an {@link EventSubscriber} on the event feed, with its own queue of writes. */
public interface StreamSubscription extends Subscription {

  /**
   * Runs {@code send} in turn with the deliveries, if the subscriber has nothing waiting: for a
   * keep-alive on an idle stream. Answers whether it was queued.
   */
  boolean sendWhenIdle(Supplier<? extends CompletionStage<?>> send);
}
