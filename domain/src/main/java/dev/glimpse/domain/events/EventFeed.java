package dev.glimpse.domain.events;

import dev.glimpse.domain.support.DomainLog;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.EventLogWritten;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * This node's reader of the {@link EventLog}, and the subscribers it delivers to.
 *
 * <p>One thread per node tails the log by event id: it numbers what has committed, reads what is
 * new and hands each change to the subscribers that want it. It wakes when this node commits a
 * change, when another node announces one ({@link EventSignal}, PostgreSQL {@code NOTIFY}), and
 * every second in any case.
 *
 * <p><b>DESIGN: delivery.</b> Every node reads the same ordered log, so every node delivers the
 * same stream with the same ids, and nothing but a wake-up travels between nodes: no payload to
 * encode, nothing lost when a notification is, and a node that was down simply reads on from the
 * log. The tailing thread never waits for a subscriber: each has a {@link Mailbox} of at most
 * {@code GLIMPSE_EVENTS_BUFFER} changes, written one at a time on the managed executor. A
 * subscriber whose mailbox is full, or whose write has not completed for a minute, has stopped
 * reading; it is dropped (an event stream is closed, and its client resumes with {@code
 * Last-Event-ID}), and no other subscriber notices.
 *
 * <p>A subscriber that resumes after an event id first catches up from the database, a page at a
 * time as it writes them, then joins the live deliveries without a gap or a repeat: the switch
 * happens under the same lock as the deliveries, once it has read up to where the feed is.
 */
@ApplicationScoped
public class EventFeed {

  private static final Logger LOG = Logger.getLogger(EventFeed.class);
  private static final long POLL_MILLIS = 1000;
  private static final int BATCH = 500;
  private static final Duration PURGE_AT_MOST_EVERY = Duration.ofMinutes(10);
  private static final Duration PURGE_AT_LEAST_EVERY = Duration.ofSeconds(1);
  private static final Duration STALLED = Duration.ofMinutes(1);

  @Inject EventLog log;

  @Inject EventSignal signal;

  @Inject GlimpseSettings settings;

  @Resource ManagedThreadFactory threads;

  @Resource ManagedExecutorService executor;

  private final Object lock = new Object();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Set<Consumer<TaskChange>> listeners = ConcurrentHashMap.newKeySet();
  private final Semaphore wakeups = new Semaphore(0);
  private final AtomicLong dropped = new AtomicLong();
  private volatile long cursor;
  private boolean opened;
  private volatile boolean stopped;
  private Thread reader;
  private Instant nextPurge = Instant.EPOCH;
  private boolean failing;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    open();
    startReader();
  }

  /** Reads the log now rather than at the next poll. */
  public void wake() {
    if (wakeups.availablePermits() == 0) {
      wakeups.release();
    }
  }

  void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventLogWritten written) {
    wake();
  }

  /** How changes reach the other nodes: {@code postgresql} at once, or {@code local} (polling). */
  public String transport() {
    return signal.transport();
  }

  /** Subscribers dropped on this node since it started because they stopped taking changes. */
  public long droppedSubscribers() {
    return dropped.get();
  }

  /** Subscribers on this node now. */
  public int subscriberCount() {
    return subscribers.size();
  }

  /**
   * Delivers the changes of {@code owner}'s items (all items when null) to {@code subscriber}:
   * first those after {@code lastEventId} from the log (none when null), then every new one. When
   * the log no longer holds all of those, the subscriber is told to {@link EventSubscriber#restart
   * restart} instead, and then gets every new one.
   */
  public StreamSubscription subscribe(String owner, Long lastEventId, EventSubscriber subscriber) {
    open();
    Subscriber added = new Subscriber(owner, subscriber);
    subscribers.add(added);
    if (lastEventId == null) {
      synchronized (lock) {
        added.goLive(cursor);
      }
    } else if (log.bounds().canReplayAfter(lastEventId)) {
      synchronized (lock) {
        added.position = lastEventId;
      }
      added.mailbox.poke();
    } else {
      restart(added);
    }
    return added;
  }

  /**
   * Calls {@code listener} with every new change of any item, on the feed's thread: it must return
   * at once (set a flag, hand work to an executor). For listeners in this node, which cannot fall
   * behind.
   */
  public Subscription listen(Consumer<TaskChange> listener) {
    open();
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Starts from the end of the log: what came before is replayed to those who ask for it. */
  private synchronized void open() {
    if (opened) {
      return;
    }
    try {
      log.prepare();
    } catch (RuntimeException e) {
      LOG.debugf("The event log's counter was created meanwhile: %s", e.getMessage());
    }
    cursor = log.bounds().lastEventId();
    opened = true;
  }

  private synchronized void startReader() {
    if (reader != null || stopped) {
      return;
    }
    reader = threads.newThread(this::run);
    reader.setName("glimpse-event-feed");
    reader.setDaemon(true);
    reader.start();
  }

  /** Where subscribers' mailboxes write. */
  Executor deliveries() {
    return executor;
  }

  private void run() {
    while (!stopped) {
      readOnce();
      try {
        if (wakeups.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          wakeups.drainPermits();
        }
      } catch (InterruptedException e) {
        if (stopped) {
          Thread.currentThread().interrupt();
          return;
        }
        LOG.debugf("The event feed was interrupted while it was not stopping; it goes on");
      }
    }
  }

  /**
   * Reads the log once. A failure of any kind is logged when it begins and the next read tries
   * again: a checked exception too, such as the {@code RollbackException} of a commit the database
   * broke off, which the transactional proxy of {@link EventLog#number} lets through. Were it to
   * end the reader, nothing would be numbered or delivered on this node again.
   */
  void readOnce() {
    try {
      readLog();
      if (failing) {
        failing = false;
        LOG.infof("The event log is read again, from event %d", cursor);
      }
    } catch (Exception e) {
      if (!failing) {
        failing = true;
        DomainLog.LOG.eventLogUnreadable(e.toString());
      }
    }
  }

  /** Numbers what committed, delivers what is new, and purges when it is time. */
  void readLog() {
    int numbered;
    do {
      numbered = log.number(BATCH, Instant.now());
      if (numbered > 0) {
        signal.announce();
      }
    } while (numbered == BATCH);
    List<TaskChange> page;
    do {
      page = log.after(cursor, null, BATCH);
      deliver(page);
    } while (page.size() == BATCH);
    dropStalled();
    purgeWhenDue();
  }

  private void deliver(List<TaskChange> changes) {
    List<Subscriber> behind = new ArrayList<>();
    synchronized (lock) {
      for (TaskChange change : changes) {
        for (Subscriber subscriber : subscribers) {
          if (!subscriber.offerLive(change)) {
            behind.add(subscriber);
          }
        }
        cursor = change.id();
      }
    }
    changes.forEach(this::notifyListeners);
    for (Subscriber subscriber : behind) {
      dropStopped(subscriber, "fell " + settings.eventsBuffer() + " changes behind");
    }
  }

  private void notifyListeners(TaskChange change) {
    for (Consumer<TaskChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        DomainLog.LOG.eventListenerFailed(change.taskId(), e);
      }
    }
  }

  private void dropStalled() {
    long now = System.nanoTime();
    for (Subscriber subscriber : subscribers) {
      if (subscriber.mailbox.stalledFor(now) > STALLED.toNanos()) {
        dropStopped(subscriber, "took nothing for " + STALLED.toSeconds() + " s");
      }
    }
  }

  private void dropStopped(Subscriber subscriber, String why) {
    if (drop(subscriber)) {
      dropped.incrementAndGet();
      LOG.infof(
          "An event subscriber to %s %s and was dropped",
          subscriber.owner == null ? "every item" : subscriber.owner, why);
    }
  }

  private void purgeWhenDue() {
    Instant now = Instant.now();
    if (now.isBefore(nextPurge)) {
      return;
    }
    Duration retention = settings.eventsRetention();
    Duration every = retention.dividedBy(24);
    if (every.compareTo(PURGE_AT_MOST_EVERY) > 0) {
      every = PURGE_AT_MOST_EVERY;
    } else if (every.compareTo(PURGE_AT_LEAST_EVERY) < 0) {
      every = PURGE_AT_LEAST_EVERY;
    }
    nextPurge = now.plus(every);
    int purged = log.purge(now.minus(retention));
    if (purged > 0) {
      LOG.debugf("Purged %d events older than %s", purged, retention);
    }
  }

  private void restart(Subscriber subscriber) {
    synchronized (lock) {
      long from = cursor;
      subscriber.mailbox.offer(() -> subscriber.target.restart(from));
      subscriber.goLive(from);
    }
  }

  /** Takes {@code subscriber} off the feed; true when it was on it. */
  private boolean drop(Subscriber subscriber) {
    subscriber.mailbox.close();
    if (!subscribers.remove(subscriber)) {
      return false;
    }
    try {
      subscriber.target.dropped();
    } catch (RuntimeException e) {
      LOG.debugf(e, "A dropped event subscriber failed to close");
    }
    return true;
  }

  @PreDestroy
  void stop() {
    stopped = true;
    wake();
    Thread running = reader;
    if (running != null) {
      try {
        running.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    subscribers.forEach(subscriber -> subscriber.mailbox.close());
    subscribers.clear();
    listeners.clear();
  }

  /** One subscriber: its filter, its mailbox, and how far it has been given the log. */
  private final class Subscriber implements StreamSubscription {

    private final String owner;
    private final EventSubscriber target;
    private final Mailbox mailbox;

    /** The last event id handed to the mailbox or known to be none of this subscriber's. */
    private long position;

    /** Whether it receives new changes from the feed, rather than catching up from the log. */
    private boolean live;

    Subscriber(String owner, EventSubscriber target) {
      this.owner = owner;
      this.target = target;
      this.mailbox =
          new Mailbox(
              settings.eventsBuffer(),
              deliveries(),
              this::catchUp,
              failure -> {
                if (failure instanceof IOException) {
                  LOG.debugf(failure, "An event subscriber's connection closed: %s", failure);
                } else {
                  LOG.infof(
                      failure,
                      "An event subscriber failed and was dropped: %s",
                      failure.toString());
                }
                drop(this);
              });
    }

    /** Called under the feed's lock. */
    void goLive(long from) {
      position = Math.max(position, from);
      live = true;
    }

    /** Called under the feed's lock; false when the subscriber's mailbox is full. */
    boolean offerLive(TaskChange change) {
      if (!live || change.id() <= position || (owner != null && !owner.equals(change.owner()))) {
        return true;
      }
      if (!mailbox.offer(() -> target.deliver(change))) {
        return mailbox.isClosed();
      }
      position = change.id();
      return true;
    }

    /**
     * Reads the next page of missed changes while not live; runs when the mailbox has written
     * everything. Answers whether it wants to run again at once.
     */
    private boolean catchUp() {
      long from;
      synchronized (lock) {
        if (live) {
          return false;
        }
        from = position;
      }
      long feedAt = cursor;
      int pageSize = settings.eventsBuffer();
      List<TaskChange> page = log.after(from, owner, pageSize);
      if (log.bounds().purgedThrough() > from) {
        restart(this);
        return false;
      }
      for (TaskChange change : page) {
        mailbox.offer(() -> target.deliver(change));
      }
      synchronized (lock) {
        if (!page.isEmpty()) {
          position = page.get(page.size() - 1).id();
        }
        if (page.size() == pageSize) {
          return false;
        }
        position = Math.max(position, feedAt);
        if (position >= cursor) {
          live = true;
          return false;
        }
      }
      return page.isEmpty();
    }

    @Override
    public boolean sendWhenIdle(Supplier<? extends CompletionStage<?>> send) {
      return mailbox.offerWhenIdle(send);
    }

    @Override
    public void close() {
      mailbox.close();
      subscribers.remove(this);
    }
  }
}
