package dev.glimpse.domain.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One subscriber's deliveries: an ordered queue of at most {@code capacity} sends, started one at a
 * time on an executor, each once the previous one has completed. Offering never blocks; a full
 * mailbox refuses. A send that fails closes the mailbox, and one that does not complete shows as
 * {@link #stalledFor stalled}. Whenever everything offered has been sent, the idle action runs on
 * the executor: it may offer more, and it answers whether it wants to run again.
 */
final class Mailbox {

  private final int capacity;
  private final Executor executor;
  private final BooleanSupplier idle;
  private final Consumer<Throwable> failed;

  private final Deque<Supplier<? extends CompletionStage<?>>> queue = new ArrayDeque<>();
  private boolean running;
  private boolean closed;
  private volatile long sendingSince;

  Mailbox(int capacity, Executor executor, BooleanSupplier idle, Consumer<Throwable> failed) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a mailbox holds at least one send");
    }
    this.capacity = capacity;
    this.executor = executor;
    this.idle = idle;
    this.failed = failed;
  }

  /** Queues {@code send}; false when the mailbox is full or closed. */
  synchronized boolean offer(Supplier<? extends CompletionStage<?>> send) {
    if (closed || queue.size() >= capacity) {
      return false;
    }
    queue.addLast(send);
    start();
    return true;
  }

  /** Queues {@code send} only when nothing waits and nothing is being sent. */
  synchronized boolean offerWhenIdle(Supplier<? extends CompletionStage<?>> send) {
    return !running && queue.isEmpty() && offer(send);
  }

  /** Runs the idle action soon, unless sends are under way (it runs after them anyway). */
  synchronized void poke() {
    if (!closed) {
      start();
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** How long the send under way has been waiting to complete, at {@code nanoTime}; 0 if none. */
  long stalledFor(long nanoTime) {
    long since = sendingSince;
    return since == 0 ? 0 : nanoTime - since;
  }

  /** Drops what waits; nothing more is sent. */
  synchronized void close() {
    closed = true;
    queue.clear();
  }

  private void start() {
    if (!running) {
      running = true;
      schedule();
    }
  }

  private void schedule() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      fail(e);
    }
  }

  private void drain() {
    while (true) {
      Supplier<? extends CompletionStage<?>> next;
      synchronized (this) {
        if (closed) {
          running = false;
          return;
        }
        next = queue.pollFirst();
      }
      if (next == null) {
        break;
      }
      CompletableFuture<?> sent;
      sendingSince = System.nanoTime();
      try {
        sent = next.get().toCompletableFuture();
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      if (!sent.isDone()) {
        sent.whenComplete(
            (done, error) -> {
              sendingSince = 0;
              if (error == null) {
                schedule();
              } else {
                fail(error);
              }
            });
        return;
      }
      sendingSince = 0;
      Throwable error = failure(sent);
      if (error != null) {
        fail(error);
        return;
      }
    }
    boolean again;
    try {
      again = idle.getAsBoolean();
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    synchronized (this) {
      if (!closed && (again || !queue.isEmpty())) {
        schedule();
      } else {
        running = false;
      }
    }
  }

  private void fail(Throwable error) {
    synchronized (this) {
      if (closed) {
        running = false;
        return;
      }
      closed = true;
      running = false;
      queue.clear();
    }
    failed.accept(error instanceof CompletionException wrapped ? wrapped.getCause() : error);
  }

  private static Throwable failure(CompletableFuture<?> done) {
    if (!done.isCompletedExceptionally()) {
      return null;
    }
    try {
      done.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
