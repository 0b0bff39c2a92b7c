package dev.glimpse.domain.support;

/** The item asked for does not exist, or is not visible to the one who asked. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, String id) {
    super(what + " " + id + " does not exist");
  }
}
