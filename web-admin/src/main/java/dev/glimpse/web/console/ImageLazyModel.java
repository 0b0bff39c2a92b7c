package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageCatalog;
import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageQuery;
import dev.glimpse.domain.image.ImageSort;
import dev.glimpse.domain.support.Page;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Pages through the images a filter lets through, straight from the database, sorted. */
class ImageLazyModel extends LazyDataModel<ImageRow> {

  private static final long serialVersionUID = 1L;

  private final transient ImageCatalog images;
  private final transient Function<String, ImageRow> byId;
  private final ImageFilter filter;

  /**
   * The images {@code filter} lets through; {@code byId} reads one row again by its key, as a
   * selection posted back names it.
   */
  ImageLazyModel(ImageCatalog images, Function<String, ImageRow> byId, ImageFilter filter) {
    this.images = images;
    this.byId = byId;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) images.count(filter);
  }

  @Override
  public List<ImageRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.min(pageSize, ImageQuery.MAX_SIZE);
    Page<ImageListing> page = images.list(new ImageQuery(filter, sort(sortBy), first / size, size));
    setRowCount((int) page.total());
    return page.items().stream().map(ImageRow::of).collect(Collectors.toList());
  }

  @Override
  public String getRowKey(ImageRow row) {
    return row.getId();
  }

  @Override
  public ImageRow getRowData(String rowKey) {
    return byId.apply(rowKey);
  }

  /** The first sorted column, by the field names the page's columns sort on. */
  private static ImageSort sort(Map<String, SortMeta> sortBy) {
    return sortBy.values().stream()
        .filter(meta -> meta.getOrder() != SortOrder.UNSORTED)
        .findFirst()
        .map(
            meta ->
                new ImageSort(
                    switch (meta.getField()) {
                      case "filename" -> ImageSort.Field.FILENAME;
                      case "review" -> ImageSort.Field.REVIEW;
                      case "score" -> ImageSort.Field.DOUBT;
                      default -> ImageSort.Field.UPLOADED;
                    },
                    meta.getOrder() == SortOrder.ASCENDING))
        .orElse(ImageSort.NEWEST_FIRST);
  }
}
