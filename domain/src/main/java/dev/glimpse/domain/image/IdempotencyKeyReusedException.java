package dev.glimpse.domain.image;

/** An Idempotency-Key the client already used for a different upload. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super(
        "The Idempotency-Key '"
            + key
            + "' was already used for a different image; use a new key for new content.");
  }
}
