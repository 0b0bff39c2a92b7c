package dev.glimpse.gateway.chat;

import java.util.function.Supplier;

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

  /**
   * A request to {@code provider} ended: it used {@code tokens}, in and out together, or none when
   * it got no usable answer.
   */
  void afterRequest(String provider, int tokens);

  /**
   * Makes {@code request} to {@code provider} in its turn under {@code throttle}, and tells the
   * throttle what it used. Static, so that both calls reach the throttle through its reference (a
   * CDI proxy with its interceptors).
   */
  static ChatReply request(CallThrottle throttle, String provider, Supplier<ChatReply> request) {
    throttle.beforeRequest(provider);
    int used = 0;
    try {
      ChatReply reply = request.get();
      used = reply.tokensIn() + reply.tokensOut();
      return reply;
    } finally {
      throttle.afterRequest(provider, used);
    }
  }
}
