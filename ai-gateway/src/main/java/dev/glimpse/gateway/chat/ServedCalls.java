package dev.glimpse.gateway.chat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;

/**
 * Whether the provider served a model call: answered it, failed it after taking it, or kept it
 * until the time-out. A call it never took — the connection refused, a 429 rate limit, the circuit
 * breaker open, every bulkhead slot busy — costs nothing and does not use up a task's attempt.
 *
 * <p>A call and the fault-tolerance retries inside it run on the caller's thread, so a call is
 * served when any of its tries was, and that is kept per thread between {@link #begin()} and {@link
 * #end()}.
 */
public final class ServedCalls {

  private static final ThreadLocal<Boolean> SERVED = new ThreadLocal<>();

  private ServedCalls() {}

  /** A call starts: none of its tries was served yet. */
  public static void begin() {
    SERVED.set(Boolean.FALSE);
  }

  /** A try of the current call was served. */
  public static void served() {
    if (SERVED.get() != null) {
      SERVED.set(Boolean.TRUE);
    }
  }

  /** A try got the HTTP answer {@code status}: served unless the provider turned it away (429). */
  public static void answered(int status) {
    if (status != 429) {
      served();
    }
  }

  /** A try got no HTTP answer: served unless the connection was refused. */
  public static void unanswered(ProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return;
      }
    }
    served();
  }

  /** The call ends: whether any of its tries was served. */
  public static boolean end() {
    boolean served = Boolean.TRUE.equals(SERVED.get());
    SERVED.remove();
    return served;
  }
}
