package dev.glimpse.web.events;

import dev.glimpse.domain.events.EventLog;
import dev.glimpse.domain.events.Subscription;
import dev.glimpse.domain.events.TaskChange;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The open event streams of API clients: each gets the changes of its own items only, and a comment
 * line every {@code GLIMPSE_EVENTS_HEARTBEAT} so that proxies keep an idle stream open. A stream
 * whose client went away is dropped at the next write. Writes to one stream are serialised.
 */
@ApplicationScoped
public class EventStreams {

  static final String EVENT = "task";

  private static final Logger LOG = Logger.getLogger(EventStreams.class);

  @Inject EventLog log;

  @Inject
  @ConfigProperty(name = "glimpse.events.heartbeat", defaultValue = "PT15S")
  Duration heartbeat;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private Subscription subscription;
  private ScheduledFuture<?> heartbeats;

  /** One client's open stream. */
  private record Stream(String owner, SseEventSink sink, Sse sse) {}

  @PostConstruct
  void start() {
    subscription = log.subscribe(this::broadcast);
    long every = heartbeat.toMillis();
    heartbeats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a stream for {@code owner}, first replaying what it missed after {@code lastEventId}
   * (null: nothing to replay).
   */
  public void open(String owner, SseEventSink sink, Sse sse, Long lastEventId) {
    Stream stream = new Stream(owner, sink, sse);
    streams.add(stream);
    send(stream, sse.newEventBuilder().comment("glimpse task events").build());
    if (lastEventId != null) {
      List<TaskChange> missed = log.after(lastEventId, owner);
      LOG.debugf("Replaying %d task changes after %d to %s", missed.size(), lastEventId, owner);
      missed.forEach(change -> send(stream, event(sse, change)));
    }
  }

  private void broadcast(TaskChange change) {
    for (Stream stream : streams) {
      if (stream.owner().equals(change.owner())) {
        send(stream, event(stream.sse(), change));
      }
    }
  }

  private void beat() {
    for (Stream stream : streams) {
      send(stream, stream.sse().newEventBuilder().comment("heartbeat").build());
    }
  }

  private static OutboundSseEvent event(Sse sse, TaskChange change) {
    return sse.newEventBuilder()
        .name(EVENT)
        .id(Long.toString(change.id()))
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(TaskChangeView.class, TaskChangeView.of(change))
        .build();
  }

  private void send(Stream stream, OutboundSseEvent event) {
    synchronized (stream.sink()) {
      if (stream.sink().isClosed()) {
        streams.remove(stream);
        return;
      }
      stream
          .sink()
          .send(event)
          .whenComplete(
              (sent, failure) -> {
                if (failure != null) {
                  streams.remove(stream);
                  stream.sink().close();
                }
              });
    }
  }

  @PreDestroy
  void stop() {
    heartbeats.cancel(false);
    subscription.close();
    streams.forEach(stream -> stream.sink().close());
    streams.clear();
  }
}
