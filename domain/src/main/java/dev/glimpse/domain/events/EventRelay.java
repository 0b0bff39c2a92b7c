package dev.glimpse.domain.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Carries each committed task change to the subscribers of every node: through PostgreSQL
 * notifications when the channel is listening, else (H2, or the channel down) to this node's alone.
 * A rolled-back transition is never delivered.
 */
@ApplicationScoped
public class EventRelay {

  @Inject EventLog log;

  @Inject PostgresEventChannel channel;

  /** How changes travel now: {@code postgresql} (to every node) or {@code local} (this node). */
  public String transport() {
    return channel.isListening() ? "postgresql" : "local";
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskChange change) {
    if (!channel.publish(change)) {
      log.deliver(change);
    }
  }
}
