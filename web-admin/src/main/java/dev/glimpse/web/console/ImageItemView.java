package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageAsset;
import dev.glimpse.domain.image.ImageListing;
import dev.glimpse.domain.image.ImageService;
import dev.glimpse.domain.review.ImageReview;
import dev.glimpse.domain.review.TextHistory;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.IllegalTaskTransitionException;
import dev.glimpse.domain.task.TaskCommands;
import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.domain.task.TaskRunTrigger;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Backs {@code /admin/image.xhtml?id=…}: one image with its text, the history of its texts, its
 * provenance, its task's audit trail and last raw answer; regenerate, requeue, delete.
 */
@Named
@ViewScoped
public class ImageItemView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ImageService images;

  @Inject transient ImageReview review;

  @Inject transient TextHistory texts;

  @Inject transient TaskReads reads;

  @Inject transient TaskCommands commands;

  @Inject transient TaskRunTrigger trigger;

  private String id;
  private ImageRow row;
  private Provenance provenance;
  private ItemHistory past = ItemHistory.NONE;
  private String taskStatus;
  private Comparison comparison;

  /**
   * A model's new text beside the current one, word by word, with the prompt version of each.
   *
   * @param currentPrompt the version the current text was made with, or null for a person's
   */
  public record Comparison(String currentPrompt, String newPrompt, WordChanges words)
      implements Serializable {}

  /** Loads the image named in the URL (a view action). */
  public void load() {
    try {
      ImageListing listing = images.find(id, null);
      ImageAsset image = listing.image();
      AiTask task = listing.task();
      row = ImageRow.of(listing);
      past = ItemHistory.of(texts.of(id), task, task == null ? List.of() : reads.events(task.id()));
      taskStatus = task == null ? null : task.status().name();
      comparison =
          image.proposedAltText() == null || image.altText() == null
              ? null
              : new Comparison(
                  image.aiGenerated() ? image.promptVersion() : null,
                  image.proposedPromptVersion(),
                  WordChanges.between(image.altText(), image.proposedAltText()));
      provenance =
          new Provenance(
              image.provider(),
              image.model(),
              image.promptVersion(),
              image.inputHash(),
              past.lastMessageOf("model-called"),
              image.reviewState().name(),
              image.reviewedBy(),
              image.reviewedAt() == null ? null : image.reviewedAt().toString(),
              image.triage().reasons().stream().map(image.triage()::sentence).toList());
    } catch (NotFoundException e) {
      row = null;
      Console.warn("Image " + id + " does not exist.");
    }
  }

  /** Has the image described again now; a person's text stays. */
  public void regenerate() {
    review.regenerate(id, null, Console.actor());
    trigger.runSoon();
    Console.inform("The image will be described again.");
    load();
  }

  /** Keeps the current text and drops the new one waiting beside it. */
  public void keepCurrent() {
    review.keepCurrent(id, null, null, Console.actor());
    Console.inform("Kept the current text; the new one stays in the history.");
    load();
  }

  /** Takes the new text waiting beside the current one. */
  public void keepNew() {
    review.approve(id, null, null, Console.actor());
    Console.inform("Took the new text; the one before stays in the history.");
    load();
  }

  /** Gives a FAILED or FLAGGED task another try. */
  public void requeue() {
    try {
      commands.retry(images.find(id, null).task().id(), null, Console.actor());
      trigger.runSoon();
      Console.inform("Requeued.");
    } catch (IllegalTaskTransitionException e) {
      Console.warn(
          "Only a FAILED or FLAGGED task can be requeued; this one is " + taskStatus + ".");
    }
    load();
  }

  /** Deletes the image and goes back to the list. */
  public void delete() {
    images.delete(id, null, Console.actor());
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect("images.xhtml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** The current text and the new one waiting beside it, when one waits. */
  public Comparison getComparison() {
    return comparison;
  }

  public ImageRow getRow() {
    return row;
  }

  public Provenance getProvenance() {
    return provenance;
  }

  /** The item's texts, audit trail and last raw answer. */
  public ItemHistory getPast() {
    return past;
  }

  public String getTaskStatus() {
    return taskStatus;
  }

  /** Where the current text came from and who judged it. */
  public record Provenance(
      String provider,
      String model,
      String promptVersion,
      String inputHash,
      String lastCall,
      String review,
      String reviewedBy,
      String reviewedAt,
      List<String> reasons)
      implements Serializable {

    public String getProvider() {
      return provider;
    }

    public String getModel() {
      return model;
    }

    public String getPromptVersion() {
      return promptVersion;
    }

    public String getInputHash() {
      return inputHash;
    }

    public String getLastCall() {
      return lastCall;
    }

    public String getReview() {
      return review;
    }

    public String getReviewedBy() {
      return reviewedBy;
    }

    public String getReviewedAt() {
      return reviewedAt;
    }

    public List<String> getReasons() {
      return reasons;
    }
  }
}
