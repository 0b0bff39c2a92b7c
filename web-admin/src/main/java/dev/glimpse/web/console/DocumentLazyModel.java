package dev.glimpse.web.console;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.support.Page;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages through all documents, newest first, with their summaries. */
class DocumentLazyModel extends LazyDataModel<DocumentRow> {

  private static final long serialVersionUID = 1L;
  private static final int MAX_PAGE = 100;

  private final transient DocumentService documents;

  DocumentLazyModel(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) documents.count();
  }

  @Override
  public List<DocumentRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.min(pageSize, MAX_PAGE);
    Page<DocumentListing> page = documents.list(first / size, size);
    setRowCount((int) page.total());
    return page.items().stream().map(DocumentRow::of).toList();
  }

  @Override
  public String getRowKey(DocumentRow row) {
    return row.getId();
  }
}
