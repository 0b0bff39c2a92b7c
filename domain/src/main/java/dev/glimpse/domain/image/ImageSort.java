package dev.glimpse.domain.image;

/** How a list of images is ordered. */
public record ImageSort(Field field, boolean ascending) {

  /** Newest first. */
  public static final ImageSort NEWEST_FIRST = new ImageSort(Field.UPLOADED, false);

  /** The columns a list can be ordered by. */
  public enum Field {
    UPLOADED("createdAt"),
    FILENAME("filename"),
    REVIEW("reviewState"),
    DOUBT("triageScore");

    private final String attribute;

    Field(String attribute) {
      this.attribute = attribute;
    }

    String attribute() {
      return attribute;
    }
  }
}
