package dev.glimpse.gateway.chat;

/**
 * Keeps the requests to a provider within the rate limits set for the whole cluster. The chat
 * models ask it before every HTTP request, retries included, and tell it afterwards what the
 * request used. Implemented by the module that runs the work; without one nothing is throttled.
 */
public interface CallThrottle {

  /** Throttles nothing. */
  CallThrottle NONE =
      new CallThrottle() {
        @Override
        public void beforeRequest(String provider) {}

        @Override
        public void afterRequest(String provider, int tokens) {}
      };

  /**
   * Waits until one more request to {@code provider} keeps within its limits.
   *
   * @throws ThrottledCallException when that wait is longer than a call should block: the task
   *     engine tries again later, and the attempt does not count
   */
  void beforeRequest(String provider);

  /** A request to {@code provider} was answered and used {@code tokens}, in and out together. */
  void afterRequest(String provider, int tokens);
}
