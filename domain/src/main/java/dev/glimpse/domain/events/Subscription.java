package dev.glimpse.domain.events;

/** A hold on the event feed; closing it stops the deliveries. */
public interface Subscription extends AutoCloseable {

  @Override
  void close();
}
