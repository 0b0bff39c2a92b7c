package dev.glimpse.web.limits;

import java.io.IOException;

/**
 * A request body, or a part of one, over its limit: answered 413 as soon as the limit is passed,
 * without reading the rest. An {@link IOException}, as it is thrown from the body's stream.
 */
public class BodyTooLargeException extends IOException {

  /** {@code what} names the body or the part, such as "the JSON body". */
  public BodyTooLargeException(String what, long limit) {
    super(what + " is larger than the limit of " + limit + " bytes");
  }
}
