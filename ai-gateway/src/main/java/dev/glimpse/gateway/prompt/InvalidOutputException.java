package dev.glimpse.gateway.prompt;

/** A model's answer that does not satisfy the prompt's output schema. */
public class InvalidOutputException extends Exception {

  public InvalidOutputException(String message) {
    super(message);
  }
}
