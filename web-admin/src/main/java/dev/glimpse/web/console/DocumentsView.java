package dev.glimpse.web.console;

import dev.glimpse.domain.document.DocumentService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** Backs {@code /admin/documents.xhtml}: the table of documents with their summaries. */
@Named
@ViewScoped
public class DocumentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DocumentService documents;

  private LazyDataModel<DocumentRow> model;

  @PostConstruct
  void init() {
    model = new DocumentLazyModel(documents);
  }

  public LazyDataModel<DocumentRow> getModel() {
    return model;
  }
}
