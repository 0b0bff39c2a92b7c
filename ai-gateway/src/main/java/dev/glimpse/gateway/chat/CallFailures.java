package dev.glimpse.gateway.chat;

import dev.glimpse.gateway.FailureKind;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Turns HTTP statuses and transport errors into the gateway's typed call failures. */
public final class CallFailures {

  /** Retry-After hints up to this long are waited out within the call; longer ones defer. */
  static final Duration LONGEST_INLINE_WAIT = Duration.ofSeconds(2);

  private CallFailures() {}

  /** The failure for an HTTP error answer. */
  public static ModelCallException forStatus(
      int status, String reason, Duration retryAfter, String raw) {
    Pushbacks.answered(status, retryAfter);
    if (status == 408 || status == 409 || status == 429 || status >= 500) {
      return transientFailure(reason, retryAfter, raw);
    }
    return new ModelCallException(FailureKind.PERMANENT, reason, null, raw);
  }

  /** A transient failure, deferred to the task engine when the provider asked for a long wait. */
  public static TransientCallException transientFailure(
      String reason, Duration retryAfter, String raw) {
    if (retryAfter != null && retryAfter.compareTo(LONGEST_INLINE_WAIT) > 0) {
      return new DeferredCallException(reason, retryAfter, raw);
    }
    return new TransientCallException(reason, retryAfter, raw);
  }

  /** The failure for a call that got no HTTP answer at all. */
  public static TransientCallException forTransport(
      String provider, ProcessingException e, Duration timeout) {
    Throwable root = rootCause(e);
    if (root instanceof SocketTimeoutException
        || root instanceof HttpTimeoutException
        || root instanceof TimeoutException) {
      return new TransientCallException(
          provider + " did not answer within " + timeout.toSeconds() + " s", null, null);
    }
    if (root instanceof ConnectException) {
      return new TransientCallException(
          provider + " could not be reached: connection refused", null, null);
    }
    String detail = root.getMessage() == null ? "" : ": " + root.getMessage();
    return new TransientCallException(
        provider + " could not be reached: " + root.getClass().getSimpleName() + detail,
        null,
        null);
  }

  /** The body of an error answer as text; empty when there is none or it cannot be read. */
  public static String body(Response response) {
    try {
      String body = response.readEntity(String.class);
      return body == null ? "" : body;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** The Retry-After header in seconds, or null when absent or not a number of seconds. */
  public static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(header.trim()) * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
