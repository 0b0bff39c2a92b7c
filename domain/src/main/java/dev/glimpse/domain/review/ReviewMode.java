package dev.glimpse.domain.review;

/** Whether a confident AI result stands at once or waits for a person. */
public enum ReviewMode {
  /** A confident COMPLETED result stands and reaches API clients at once; doubtful ones wait. */
  AUTO,
  /** Every AI result waits for a person. */
  REVIEW
}
