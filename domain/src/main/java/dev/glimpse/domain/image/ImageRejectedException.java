package dev.glimpse.domain.image;

/** An upload that is not an image Glimpse can take, with the reason a client can act on. */
public class ImageRejectedException extends RuntimeException {

  /** Why the image was refused; the API maps each to its HTTP status. */
  public enum Reason {
    /** Not one of the accepted formats (415). */
    UNSUPPORTED_TYPE,
    /** An accepted format whose bytes cannot be decoded (422). */
    UNDECODABLE,
    /** More pixels than the configured limit (422). */
    TOO_MANY_PIXELS,
    /** More bytes than the configured limit (413). */
    TOO_LARGE
  }

  private final Reason reason;

  public ImageRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ImageRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
