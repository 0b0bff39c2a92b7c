package dev.glimpse.domain.image;

/** One page of the images that {@code filter} lets through, in {@code sort} order. */
public record ImageQuery(ImageFilter filter, ImageSort sort, int page, int size) {

  public static final int MAX_SIZE = 200;

  public ImageQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
    filter = filter == null ? ImageFilter.NONE : filter;
    sort = sort == null ? ImageSort.NEWEST_FIRST : sort;
  }

  /** All images, newest first, one page. */
  public static ImageQuery all(int page, int size) {
    return new ImageQuery(ImageFilter.NONE, ImageSort.NEWEST_FIRST, page, size);
  }
}
