package dev.glimpse.domain.review;

/**
 * How long a text made for a purpose should be: below {@code minChars} it says too little, above
 * {@code softLimit} it is longer than a reader wants (ALT text is read aloud; a summary is
 * skimmed).
 *
 * @param labelled whether the result comes with labels (image descriptions do)
 */
public record TextPurpose(int minChars, int softLimit, boolean labelled) {

  public TextPurpose {
    if (minChars < 0 || softLimit <= minChars) {
      throw new IllegalArgumentException("a soft limit must be above the minimum length");
    }
  }
}
