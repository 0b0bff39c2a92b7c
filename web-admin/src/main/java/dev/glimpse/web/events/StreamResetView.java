package dev.glimpse.web.events;

/**
 * The data of a {@code reset} event: the stream cannot replay what the client missed, so the client
 * reloads the state of its items and follows the stream from this event on.
 */
public record StreamResetView(String reason) {

  static final StreamResetView EXPIRED =
      new StreamResetView(
          "The changes after the Last-Event-ID sent are no longer kept (older than the retention"
              + " window, or unknown here): reload your items, then follow this stream.");
}
