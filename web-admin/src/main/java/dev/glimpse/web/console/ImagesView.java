package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** Backs {@code /admin/images.xhtml}: the table of images with their ALT text and task status. */
@Named
@ViewScoped
public class ImagesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ImageCatalog images;

  private LazyDataModel<ImageRow> model;

  @PostConstruct
  void init() {
    model = new ImageLazyModel(images);
  }

  public LazyDataModel<ImageRow> getModel() {
    return model;
  }
}
