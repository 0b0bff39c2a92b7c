package dev.glimpse.domain.review;

/** A review action that the item's state does not allow, such as approving an empty text. */
public class ReviewConflictException extends IllegalStateException {

  public ReviewConflictException(String message) {
    super(message);
  }
}
