package dev.glimpse.web.events;

import dev.glimpse.domain.events.EventFeed;
import dev.glimpse.domain.events.EventSubscriber;
import dev.glimpse.domain.events.StreamSubscription;
import dev.glimpse.domain.events.TaskChange;
import dev.glimpse.web.limits.ApiLimits;
import dev.glimpse.web.limits.ClientSlots;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The open event streams of API clients: each is a subscriber of the {@link EventFeed} for its
 * client's items, and gets a comment line every {@code GLIMPSE_EVENTS_HEARTBEAT} while idle so that
 * proxies keep it open. Writes never block: a stream whose client stops reading is closed when the
 * feed drops it, and the client resumes with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class EventStreams {

  static final String EVENT = "task";
  static final String RESET = "reset";

  private static final Logger LOG = Logger.getLogger(EventStreams.class);

  @Inject EventFeed feed;

  @Inject
  @ConfigProperty(name = "glimpse.events.heartbeat", defaultValue = "PT15S")
  Duration heartbeat;

  @Inject ApiLimits limits;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final ClientSlots open =
      new ClientSlots("event streams", "close one first.", Duration.ofSeconds(10));
  private ScheduledFuture<?> heartbeats;

  @PostConstruct
  void start() {
    long every = heartbeat.toMillis();
    heartbeats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a stream for {@code owner} on {@code sink}, first replaying what it missed after {@code
   * lastEventId} (null: nothing to replay). The stream's first line is written before any change:
   * one write at a time, each after the one before has completed, as the sink needs. {@code
   * connection} is the request's asynchronous context, completed to close the stream without
   * waiting for the client.
   *
   * @throws dev.glimpse.web.limits.LimitReachedException when {@code owner} has {@link
   *     ApiLimits#eventStreams()} open
   */
  public void open(
      String owner, SseEventSink sink, Sse sse, AsyncContext connection, Long lastEventId) {
    ClientSlots.Slot slot = open.take(owner, limits.eventStreams());
    Stream stream = new Stream(sink, sse, connection, slot);
    streams.add(stream);
    stream
        .write(sse.newEventBuilder().comment("glimpse task events").build())
        .whenComplete(
            (written, failure) -> {
              if (failure != null) {
                stream.end();
              } else if (streams.contains(stream)) {
                stream.subscription = feed.subscribe(owner, lastEventId, stream);
                LOG.debugf("Event stream of %s opened after %s", owner, lastEventId);
              }
            });
  }

  private void beat() {
    streams.forEach(Stream::beat);
  }

  @PreDestroy
  void stop() {
    heartbeats.cancel(false);
    streams.forEach(Stream::end);
  }

  /** One client's open stream. */
  private final class Stream implements EventSubscriber {

    private final SseEventSink sink;
    private final Sse sse;
    private final AsyncContext connection;
    private final ClientSlots.Slot slot;
    private volatile StreamSubscription subscription;

    Stream(SseEventSink sink, Sse sse, AsyncContext connection, ClientSlots.Slot slot) {
      this.sink = sink;
      this.sse = sse;
      this.connection = connection;
      this.slot = slot;
    }

    @Override
    public CompletionStage<?> deliver(TaskChange change) {
      return write(
          sse.newEventBuilder()
              .name(EVENT)
              .id(Long.toString(change.id()))
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(TaskChangeView.class, TaskChangeView.of(change))
              .build());
    }

    @Override
    public CompletionStage<?> restart(long eventId) {
      return write(
          sse.newEventBuilder()
              .name(RESET)
              .id(Long.toString(eventId))
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(StreamResetView.class, StreamResetView.EXPIRED)
              .build());
    }

    @Override
    public void dropped() {
      end();
    }

    CompletionStage<?> write(OutboundSseEvent event) {
      try {
        return sink.send(event);
      } catch (IllegalStateException closed) {
        return CompletableFuture.failedFuture(closed);
      }
    }

    void beat() {
      StreamSubscription current = subscription;
      if (current != null) {
        current.sendWhenIdle(() -> write(sse.newEventBuilder().comment("heartbeat").build()));
      }
    }

    /** Closes the stream; what the client has not read yet is dropped with it. */
    void end() {
      if (!streams.remove(this)) {
        return;
      }
      slot.release();
      StreamSubscription current = subscription;
      if (current != null) {
        current.close();
      }
      try {
        connection.complete();
      } catch (IllegalStateException alreadyComplete) {
        LOG.tracef("Event stream already complete: %s", alreadyComplete.getMessage());
      }
    }
  }
}
