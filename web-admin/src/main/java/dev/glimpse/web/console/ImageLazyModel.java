package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageCatalog;
import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.image.ImageQuery;
import dev.glimpse.domain.support.Page;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages through all images, newest first, straight from the database. */
class ImageLazyModel extends LazyDataModel<ImageRow> {

  private static final long serialVersionUID = 1L;

  private final transient ImageCatalog images;

  ImageLazyModel(ImageCatalog images) {
    this.images = images;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) images.count(ImageFilter.NONE);
  }

  @Override
  public List<ImageRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<dev.glimpse.domain.image.ImageListing> page =
        images.list(ImageQuery.all(first / pageSize, Math.min(pageSize, ImageQuery.MAX_SIZE)));
    setRowCount((int) page.total());
    return page.items().stream().map(ImageRow::of).collect(Collectors.toList());
  }

  @Override
  public String getRowKey(ImageRow row) {
    return row.getId();
  }
}
