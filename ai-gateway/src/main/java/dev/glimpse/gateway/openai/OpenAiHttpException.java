package dev.glimpse.gateway.openai;

import java.time.Duration;

/**
 * An HTTP error answer from an OpenAI-compatible server: status, the {@code error} object's
 * message, type and code, the server's retry hints.
 *
 * @param shouldRetry the {@code x-should-retry} header, or null when absent
 */
public class OpenAiHttpException extends RuntimeException {

  private final int status;
  private final String type;
  private final String code;
  private final String body;
  private final Duration retryAfter;
  private final Boolean shouldRetry;

  public OpenAiHttpException(
      int status,
      String message,
      String type,
      String code,
      String body,
      Duration retryAfter,
      Boolean shouldRetry) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
    this.shouldRetry = shouldRetry;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public String body() {
    return body;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public Boolean shouldRetry() {
    return shouldRetry;
  }

  /** Whether the server names {@code what} in its error (code, type or message). */
  public boolean concerns(String what) {
    return what.equals(code)
        || what.equals(type)
        || (getMessage() != null && getMessage().contains(what));
  }
}
