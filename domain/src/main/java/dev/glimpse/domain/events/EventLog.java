package dev.glimpse.domain.events;

import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The task changes this node has delivered, newest last, bounded by {@code
 * GLIMPSE_EVENTS_LOG_SIZE}: what a reconnecting subscriber missed is replayed from here.
 * Subscribers get each change once, in the order it arrived.
 */
@ApplicationScoped
public class EventLog {

  private static final Logger LOG = Logger.getLogger(EventLog.class);

  @Inject GlimpseSettings settings;

  private final Deque<TaskChange> recent = new ArrayDeque<>();
  private final Set<Long> recentIds = new HashSet<>();
  private final List<Consumer<TaskChange>> subscribers = new CopyOnWriteArrayList<>();

  /** Records {@code change} and hands it to every subscriber, unless it was delivered before. */
  public void deliver(TaskChange change) {
    synchronized (recent) {
      if (!recentIds.add(change.id())) {
        return;
      }
      recent.addLast(change);
      while (recent.size() > settings.eventLogSize()) {
        recentIds.remove(recent.removeFirst().id());
      }
    }
    for (Consumer<TaskChange> subscriber : subscribers) {
      try {
        subscriber.accept(change);
      } catch (RuntimeException e) {
        LOG.warnf(e, "A subscriber failed on the change of Task(id=%s)", change.taskId());
      }
    }
  }

  /**
   * The changes of {@code owner}'s items ({@code null}: all) delivered after the one with id {@code
   * lastId}; when that one is no longer (or was never) here, those with a greater id.
   */
  public List<TaskChange> after(long lastId, String owner) {
    List<TaskChange> missed = new ArrayList<>();
    synchronized (recent) {
      boolean known = recentIds.contains(lastId);
      boolean passed = false;
      for (TaskChange change : recent) {
        boolean later = known ? passed : change.id() > lastId;
        if (later && (owner == null || owner.equals(change.owner()))) {
          missed.add(change);
        }
        passed = passed || change.id() == lastId;
      }
    }
    return missed;
  }

  /**
   * Hands every change delivered from now on to {@code subscriber}, until the subscription closes.
   */
  public Subscription subscribe(Consumer<TaskChange> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }
}
