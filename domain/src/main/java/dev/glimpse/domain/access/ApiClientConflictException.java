package dev.glimpse.domain.access;

/**
 * A change to an API client that its state does not allow: a name taken now or before, or a client
 * of the environment, which only the environment changes.
 */
public class ApiClientConflictException extends RuntimeException {

  private ApiClientConflictException(String message) {
    super(message);
  }

  /** {@code name} is or was a client's name. */
  public static ApiClientConflictException nameTaken(String name) {
    return new ApiClientConflictException(
        "an API client named " + name + " exists or existed; choose another name");
  }

  /** {@code name} is configured by the environment. */
  public static ApiClientConflictException ofEnvironment(String name) {
    return new ApiClientConflictException(
        "API client "
            + name
            + " is configured by the environment (GLIMPSE_BOOTSTRAP_API_KEY or"
            + " GLIMPSE_API_CLIENTS); change or remove its key there");
  }
}
