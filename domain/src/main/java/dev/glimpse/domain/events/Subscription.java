package dev.glimpse.domain.events;

/** A subscriber's hold on the event log; closing it stops the deliveries. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  @Override
  void close();
}
