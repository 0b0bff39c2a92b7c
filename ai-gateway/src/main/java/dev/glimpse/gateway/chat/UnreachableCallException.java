package dev.glimpse.gateway.chat;

/**
 * A transient failure that never reached the provider: the connection was refused, so nothing was
 * asked and nothing was paid for. A task's attempt that ends with it is not counted.
 */
public class UnreachableCallException extends TransientCallException {

  public UnreachableCallException(String reason) {
    super(reason, null, null, false);
  }
}
