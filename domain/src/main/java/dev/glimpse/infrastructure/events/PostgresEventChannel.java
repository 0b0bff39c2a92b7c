package dev.glimpse.infrastructure.events;

import dev.glimpse.domain.events.EventFeed;
import dev.glimpse.domain.events.EventSignal;
import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.domain.support.DomainLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wake-ups between the nodes that share one PostgreSQL: a node that numbered new events sends an
 * empty {@code NOTIFY}, and every node that hears one (itself included) reads the event log at
 * once. One connection held by one thread per node. Without it (H2, or the connection broken) nodes
 * still find every event at their next poll of the log.
 */
@ApplicationScoped
public class PostgresEventChannel implements EventSignal {

  static final String CHANNEL = "glimpse_task_changes";

  private static final Logger LOG = Logger.getLogger(PostgresEventChannel.class);
  private static final int WAIT_MILLIS = 50;
  private static final long RECONNECT_MILLIS = 2000;

  @Resource(lookup = "java:jboss/datasources/GlimpseDS")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject DatabaseKind database;

  @Inject EventFeed feed;

  private final AtomicBoolean announced = new AtomicBoolean();
  private volatile boolean listening;
  private volatile boolean stopped;
  private Thread listener;

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (listener != null || !database.isPostgreSql()) {
      return;
    }
    listener = threads.newThread(this::listen);
    listener.setName("glimpse-event-signals");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public void announce() {
    announced.set(true);
  }

  @Override
  public String transport() {
    return listening ? "postgresql" : "local";
  }

  private void listen() {
    while (!stopped) {
      try (Connection connection = dataSource.getConnection()) {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        LOG.infof("Listening for event log wake-ups on channel %s", CHANNEL);
        while (!stopped) {
          if (announced.getAndSet(false)) {
            try (Statement statement = connection.createStatement()) {
              statement.execute("NOTIFY " + CHANNEL);
            }
          }
          PGNotification[] heard = postgres.getNotifications(WAIT_MILLIS);
          if (heard != null && heard.length > 0) {
            feed.wake();
          }
        }
      } catch (SQLException | RuntimeException e) {
        DomainLog.LOG.nodeSignalsInterrupted(e.toString());
      } finally {
        listening = false;
      }
      pause();
    }
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (listener != null) {
      try {
        listener.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
