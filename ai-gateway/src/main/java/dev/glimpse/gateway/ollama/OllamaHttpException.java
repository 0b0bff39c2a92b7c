package dev.glimpse.gateway.ollama;

import java.time.Duration;

/**
 * An HTTP error answer from Ollama: its status, its {@code {"error": "…"}} text and Retry-After.
 */
public class OllamaHttpException extends RuntimeException {

  private final int status;
  private final String error;
  private final String body;
  private final Duration retryAfter;

  public OllamaHttpException(int status, String error, String body, Duration retryAfter) {
    super("Ollama answered " + status + ": " + error);
    this.status = status;
    this.error = error;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /** Ollama's own words for the error. */
  public String error() {
    return error;
  }

  public String body() {
    return body;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
