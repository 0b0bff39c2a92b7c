package dev.glimpse.domain.events;

import dev.glimpse.domain.support.DatabaseKind;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Task changes between the nodes that share one PostgreSQL: each node sends its committed changes
 * with {@code NOTIFY} and delivers what it hears with {@code LISTEN}, its own changes included, on
 * one connection held by one thread. When the connection breaks, changes are delivered locally
 * until it is back.
 */
@ApplicationScoped
public class PostgresEventChannel {

  static final String CHANNEL = "glimpse_task_changes";

  private static final Logger LOG = Logger.getLogger(PostgresEventChannel.class);
  private static final int WAIT_MILLIS = 50;
  private static final long RECONNECT_MILLIS = 2000;
  private static final int QUEUE_LIMIT = 10_000;

  @Resource(lookup = "java:jboss/datasources/GlimpseDS")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject DatabaseKind database;

  @Inject EventLog log;

  private final BlockingQueue<TaskChange> outgoing = new LinkedBlockingQueue<>(QUEUE_LIMIT);
  private volatile boolean listening;
  private volatile boolean stopped;
  private Thread listener;

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (listener != null || !database.isPostgreSql()) {
      return;
    }
    listener = threads.newThread(this::listen);
    listener.setName("glimpse-task-changes");
    listener.setDaemon(true);
    listener.start();
  }

  /** Whether changes travel between nodes now. */
  boolean isListening() {
    return listening;
  }

  /** Queues {@code change} for every node; false when the channel is not listening. */
  boolean publish(TaskChange change) {
    return listening && outgoing.offer(change);
  }

  private void listen() {
    while (!stopped) {
      try (Connection connection = dataSource.getConnection()) {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        LOG.infof("Listening for task changes on channel %s", CHANNEL);
        while (!stopped) {
          send(connection);
          PGNotification[] heard = postgres.getNotifications(WAIT_MILLIS);
          if (heard != null) {
            for (PGNotification notification : heard) {
              receive(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warnf("Task changes between nodes are interrupted (%s); retrying", e.toString());
      } finally {
        listening = false;
        deliverQueuedLocally();
      }
      pause();
    }
  }

  private void send(Connection connection) throws SQLException {
    List<TaskChange> batch = new ArrayList<>();
    outgoing.drainTo(batch);
    if (batch.isEmpty()) {
      return;
    }
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (TaskChange change : batch) {
        notify.setString(1, CHANNEL);
        notify.setString(2, TaskChangeCodec.encode(change));
        notify.execute();
      }
    } catch (SQLException e) {
      batch.forEach(log::deliver);
      throw e;
    }
  }

  private void receive(String payload) {
    try {
      log.deliver(TaskChangeCodec.decode(payload));
    } catch (Exception e) {
      LOG.warnf("A task-change notification could not be read: %s", e.getMessage());
    }
  }

  private void deliverQueuedLocally() {
    List<TaskChange> queued = new ArrayList<>();
    outgoing.drainTo(queued);
    queued.forEach(log::deliver);
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
