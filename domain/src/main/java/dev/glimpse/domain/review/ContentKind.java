package dev.glimpse.domain.review;

/** The kinds of AI output a person reviews, each with a review mode of its own. */
public enum ContentKind {
  /** ALT text and labels of images. */
  IMAGES,
  /** Summaries and key points of documents. */
  SUMMARIES
}
