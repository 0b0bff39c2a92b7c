package dev.glimpse.batch.image;

/** The stored image cannot be turned into a model's input: it does not decode. */
public class ImagePreparationException extends Exception {

  public ImagePreparationException(String message, Throwable cause) {
    super(message, cause);
  }
}
