package dev.glimpse.web.console;

import dev.glimpse.domain.events.EventLog;
import dev.glimpse.domain.events.Subscription;
import dev.glimpse.domain.events.TaskChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells open console pages over a Faces websocket that tasks changed, so that they re-render their
 * rows. A burst of changes makes one message per {@value #COALESCE_MILLIS} ms; the message carries
 * no data, the page asks for what it shows.
 */
@ApplicationScoped
public class ConsolePush {

  static final String CHANNEL = "tasks";
  static final String CHANGED = "changed";
  private static final long COALESCE_MILLIS = 300;

  @Inject EventLog log;

  @Inject
  @Push(channel = CHANNEL)
  PushContext pages;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean pending = new AtomicBoolean();
  private Subscription subscription;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (subscription == null) {
      subscription = log.subscribe(this::changed);
    }
  }

  private void changed(TaskChange change) {
    if (pending.compareAndSet(false, true)) {
      scheduler.schedule(
          () -> {
            pending.set(false);
            pages.send(CHANGED);
          },
          COALESCE_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
