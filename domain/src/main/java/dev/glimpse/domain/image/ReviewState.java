package dev.glimpse.domain.image;

/** Where a human's review of an image's ALT text stands. */
public enum ReviewState {
  UNREVIEWED,
  APPROVED,
  EDITED,
  REJECTED
}
