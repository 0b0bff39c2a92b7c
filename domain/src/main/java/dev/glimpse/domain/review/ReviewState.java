package dev.glimpse.domain.review;

/** Where a person's review of an AI text (an image's ALT text, a document's summary) stands. */
public enum ReviewState {
  UNREVIEWED,
  APPROVED,
  EDITED,
  REJECTED
}
