package dev.glimpse.web.console;

import dev.glimpse.domain.document.Document;
import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.StoredSummary;
import java.io.Serializable;

/** One row of the console's document table (a bean with getters, as Faces EL reads them). */
public final class DocumentRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String title;
  private final long version;
  private final String status;
  private final String lastError;
  private final String summary;
  private final String summaryOrigin;
  private final boolean fresh;

  private DocumentRow(DocumentListing listing) {
    Document document = listing.document();
    StoredSummary stored = listing.summary();
    this.id = document.id();
    this.title = document.title();
    this.version = document.version();
    this.status = listing.task() == null ? "—" : listing.task().status().name();
    this.lastError = listing.task() == null ? null : listing.task().lastError();
    this.summary = stored == null ? null : stored.text();
    this.summaryOrigin =
        stored == null
            ? null
            : "version " + stored.forVersion() + " · " + stored.provider() + "/" + stored.model();
    this.fresh = listing.summaryIsFresh();
  }

  static DocumentRow of(DocumentListing listing) {
    return new DocumentRow(listing);
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public long getVersion() {
    return version;
  }

  public String getStatus() {
    return status;
  }

  public String getLastError() {
    return lastError;
  }

  public String getSummary() {
    return summary;
  }

  public String getSummaryOrigin() {
    return summaryOrigin;
  }

  public boolean isFresh() {
    return fresh;
  }
}
