package dev.glimpse.domain.events;

/**
 * How a node that numbered new events tells the other nodes to read the log at once, rather than at
 * their next poll. A signal carries nothing: the events themselves are read from the log.
 */
public interface EventSignal {

  /** Tells every node to read the event log now; never blocks. */
  void announce();

  /** {@code postgresql} when other nodes hear announcements, else {@code local}. */
  String transport();
}
