package dev.glimpse.web.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts what each client holds open at once, such as its event streams: a slot is taken while
 * fewer than the limit are held, and given back once, however often it is released.
 */
public final class ClientSlots {

  private final String what;
  private final String advice;
  private final Duration retryAfter;
  private final Map<String, Integer> held = new ConcurrentHashMap<>();

  /**
   * Slots of {@code what} ("event streams"), refused with {@code advice} and a {@code retryAfter}
   * when a client holds its limit.
   */
  public ClientSlots(String what, String advice, Duration retryAfter) {
    this.what = what;
    this.advice = advice;
    this.retryAfter = retryAfter;
  }

  /** One slot held by a client; releasing it again does nothing. */
  public final class Slot {
    private final String client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(String client) {
      this.client = client;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        held.computeIfPresent(client, (name, count) -> count == 1 ? null : count - 1);
      }
    }
  }

  /**
   * A slot for {@code client}.
   *
   * @throws LimitReachedException when it holds {@code limit} already
   */
  public Slot take(String client, int limit) {
    boolean[] taken = {false};
    held.compute(
        client,
        (name, count) -> {
          int now = count == null ? 0 : count;
          taken[0] = now < limit;
          return taken[0] ? now + 1 : count;
        });
    if (!taken[0]) {
      throw new LimitReachedException(
          what, "At most " + limit + " " + what + " of one client at once; " + advice, retryAfter);
    }
    return new Slot(client);
  }
}
