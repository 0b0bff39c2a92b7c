package dev.glimpse.web.console;

import dev.glimpse.domain.events.EventFeed;
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
 * no data, the page asks for what it shows. The event feed never waits for it: a change only marks
 * a message as due (at most one is), and the websocket sends are asynchronous.
 */
@ApplicationScoped
public class ConsolePush {

  static final String CHANNEL = "tasks";
  static final String CHANGED = "changed";
  private static final long COALESCE_MILLIS = 300;

  @Inject EventFeed feed;

  @Inject
  @Push(channel = CHANNEL)
  PushContext pages;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean pending = new AtomicBoolean();
  private Subscription subscription;

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (subscription == null) {
      subscription = feed.listen(this::changed);
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
  synchronized void stop() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
