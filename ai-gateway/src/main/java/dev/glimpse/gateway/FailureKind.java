package dev.glimpse.gateway;

/** The gateway's failure taxonomy: what went wrong decides what the task engine does next. */
public enum FailureKind {
  /** Time-out, refused or reset connection, 429, 5xx, model loading: try again later. */
  TRANSIENT("transient"),
  /** Bad request, bad key, unknown model, rejected image: trying again cannot help. */
  PERMANENT("permanent"),
  /** The model answered, but no valid result could be read from it: try again, then give up. */
  INVALID_OUTPUT("invalid-output"),
  /** The model answered with a refusal or said it cannot see the image: a human decides. */
  SOFT_FAILURE("soft-failure");

  private final String code;

  FailureKind(String code) {
    this.code = code;
  }

  /** The kind's name in the API and the audit trail. */
  public String code() {
    return code;
  }
}
