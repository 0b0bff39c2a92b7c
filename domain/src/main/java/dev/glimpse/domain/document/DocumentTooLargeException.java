package dev.glimpse.domain.document;

/** A document text longer than the configured limit. */
public class DocumentTooLargeException extends RuntimeException {

  public DocumentTooLargeException(int length, int limit) {
    super("The text has " + length + " characters; the limit is " + limit + ".");
  }
}
