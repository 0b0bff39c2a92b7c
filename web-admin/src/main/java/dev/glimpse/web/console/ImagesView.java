package dev.glimpse.web.console;

import dev.glimpse.domain.image.AltTextPromptVersion;
import dev.glimpse.domain.image.ImageCatalog;
import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.image.LabelCount;
import dev.glimpse.domain.review.ImageReview;
import dev.glimpse.domain.review.ReviewConflictException;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.primefaces.model.LazyDataModel;

/**
 * Backs {@code /admin/images.xhtml}: the images a filter from the URL lets through, the label facet
 * of that filter, and actions on the selected rows or on everything the filter matches.
 *
 * <p>It lives for one request and reads the filter from that request's parameters: the address of
 * the page, or the hidden fields that carry the same parameters in every postback. A view holds
 * nothing that a postback could find missing.
 */
@Named
@RequestScoped
public class ImagesView {

  @Inject ImageCatalog catalog;

  @Inject ImageService images;

  @Inject ImageReview review;

  @Inject TaskRunTrigger trigger;

  @Inject AltTextPromptVersion promptVersion;

  private final ImageFilterParams params = new ImageFilterParams();
  private ImageFilter filter = ImageFilter.NONE;
  private LazyDataModel<ImageRow> model;
  private List<LabelCount> labels = List.of();
  private List<ImageRow> selection = new ArrayList<>();
  private long matching;

  /** Reads the filter from the request; a value that makes no sense is explained once. */
  @PostConstruct
  void apply() {
    FacesContext faces = FacesContext.getCurrentInstance();
    params.readFrom(faces.getExternalContext().getRequestParameterMap());
    try {
      filter = params.toFilter(promptVersion.current());
    } catch (IllegalArgumentException e) {
      filter = ImageFilter.NONE;
      if (!faces.isPostback()) {
        Console.warn(e.getMessage() + " The filter was not applied.");
      }
    }
    model = new ImageLazyModel(catalog, this::row, filter);
    labels = catalog.labels(filter);
  }

  /** Approves the selected rows' ALT text; rows with nothing to approve are counted apart. */
  public void approveSelected() {
    int[] skipped = {0};
    int done =
        onSelected(
            id -> {
              try {
                review.approve(id, null, null, Console.actor());
              } catch (ReviewConflictException e) {
                skipped[0]++;
                throw e;
              }
            });
    Console.inform(
        "Approved "
            + done
            + plural(done, " image")
            + (skipped[0] > 0 ? "; " + skipped[0] + " had no ALT text to approve." : "."));
  }

  /**
   * Keeps the current text of the selected rows and drops the new texts waiting beside them, such
   * as those of a new prompt version; rows with nothing waiting are counted apart. (Approve
   * selected takes the new texts.)
   */
  public void keepCurrentSelected() {
    int[] skipped = {0};
    int done =
        onSelected(
            id -> {
              try {
                review.keepCurrent(id, null, null, Console.actor());
              } catch (ReviewConflictException e) {
                skipped[0]++;
                throw e;
              }
            });
    Console.inform(
        "Kept the current text of "
            + done
            + plural(done, " image")
            + (skipped[0] > 0 ? "; " + skipped[0] + " had no new text waiting." : "."));
  }

  /** Has the selected rows described again; a person's text stays, the result waits beside it. */
  public void requeueSelected() {
    int done = onSelected(id -> review.regenerate(id, null, Console.actor()));
    trigger.runSoon();
    Console.inform("Requeued " + done + plural(done, " image") + ".");
  }

  /** Deletes the selected rows and their bytes (after the page's confirmation). */
  public void deleteSelected() {
    int done = onSelected(id -> images.delete(id, null, Console.actor()));
    Console.inform("Deleted " + done + plural(done, " image") + ".");
  }

  /** Counts what "requeue everything this filter matches" would requeue, for the confirmation. */
  public void countMatching() {
    matching = catalog.count(filter);
  }

  /** Has every image the filter matches described again. */
  public void requeueMatching() {
    int done = 0;
    for (String id : catalog.ids(filter)) {
      try {
        review.regenerate(id, null, Console.actor());
        done++;
      } catch (NotFoundException e) {
        continue;
      }
    }
    trigger.runSoon();
    Console.inform("Requeued " + done + plural(done, " image") + " matching the filter.");
  }

  /** The version of the ALT-text prompt now: a model's text made with another one is outdated. */
  public String getCurrentPromptVersion() {
    return promptVersion.current();
  }

  /** The query string of the current filter with {@code name} set to {@code value}. */
  public String with(String name, String value) {
    return params.with(name, value);
  }

  public ImageFilterParams getParams() {
    return params;
  }

  public LazyDataModel<ImageRow> getModel() {
    return model;
  }

  public List<LabelCount> getLabels() {
    return labels;
  }

  public List<ImageRow> getSelection() {
    return selection;
  }

  public void setSelection(List<ImageRow> selection) {
    this.selection = selection == null ? new ArrayList<>() : selection;
  }

  public long getMatching() {
    return matching;
  }

  /** The row of image {@code id}, or null when it is gone. */
  private ImageRow row(String id) {
    try {
      return ImageRow.of(images.find(id, null));
    } catch (NotFoundException e) {
      return null;
    }
  }

  private int onSelected(Consumer<String> action) {
    int done = 0;
    for (ImageRow row : selection) {
      if (row == null) {
        continue;
      }
      try {
        action.accept(row.getId());
        done++;
      } catch (NotFoundException | ReviewConflictException e) {
        continue;
      }
    }
    selection = new ArrayList<>();
    return done;
  }

  private static String plural(int count, String noun) {
    return count == 1 ? noun : noun + "s";
  }
}
