package dev.glimpse.web.console;

import dev.glimpse.domain.review.ContentKind;
import dev.glimpse.domain.review.ReviewMode;
import dev.glimpse.domain.review.ReviewModes;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * Backs {@code /admin/settings.xhtml} (admins only): the review mode of images and of summaries,
 * stored in the database so that every node applies it.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ReviewModes modes;

  private String images;
  private String summaries;

  @PostConstruct
  void init() {
    images = name(modes.mode(ContentKind.IMAGES));
    summaries = name(modes.mode(ContentKind.SUMMARIES));
  }

  /** Stores both modes. */
  public void save() {
    modes.set(ContentKind.IMAGES, mode(images), Console.actor());
    modes.set(ContentKind.SUMMARIES, mode(summaries), Console.actor());
    Console.inform(
        "Saved: images in "
            + images
            + " mode, summaries in "
            + summaries
            + " mode. They apply to results recorded from now on.");
  }

  public String getImages() {
    return images;
  }

  public void setImages(String images) {
    this.images = images;
  }

  public String getSummaries() {
    return summaries;
  }

  public void setSummaries(String summaries) {
    this.summaries = summaries;
  }

  private static String name(ReviewMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  private static ReviewMode mode(String name) {
    return ReviewMode.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
