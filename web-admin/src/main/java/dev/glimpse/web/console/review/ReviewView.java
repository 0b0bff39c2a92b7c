package dev.glimpse.web.console.review;

import dev.glimpse.domain.review.ImageReview;
import dev.glimpse.domain.review.ReviewConflictException;
import dev.glimpse.domain.review.ReviewItem;
import dev.glimpse.domain.review.ReviewQueue;
import dev.glimpse.domain.review.SummaryReview;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.web.console.Console;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Backs {@code /admin/review.xhtml}: one waiting item at a time, most doubtful first, with approve,
 * save the edit, reject and skip; the next item loads as soon as one is decided.
 */
@Named
@ViewScoped
public class ReviewView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many upcoming items the page lists beside the current one. */
  static final int UPCOMING = 8;

  @Inject transient ReviewQueue queue;

  @Inject transient ReviewCards cards;

  @Inject transient ImageReview images;

  @Inject transient SummaryReview summaries;

  @Inject transient TaskRunTrigger trigger;

  @Inject transient GlimpseSettings settings;

  private final Set<String> skipped = new LinkedHashSet<>();
  private final Deque<ReviewItem> earlier = new ArrayDeque<>();
  private ReviewItem item;
  private ReviewCard card;
  private String text;
  private List<String> items = new ArrayList<>();
  private String note;
  private List<QueueEntry> upcoming = List.of();
  private long waiting;

  @PostConstruct
  void init() {
    loadNext();
  }

  /**
   * Approves the item as shown; if the reviewer changed it, saves the edit (approved as EDITED).
   */
  public void approve() {
    if (card == null) {
      return;
    }
    if (Texts.isBlank(text)) {
      Console.warn("Write the text first: there is nothing to approve.");
      return;
    }
    String title = card.title();
    boolean changed =
        !Objects.equals(text.strip(), Optional.ofNullable(card.proposedText()).orElse("").strip())
            || !items.equals(card.proposedItems());
    Runnable decision = changed ? this::edit : this::accept;
    if (decided(decision)) {
      Console.inform((changed ? "Saved your text for " : "Approved ") + title + ".");
      loadNext();
    }
  }

  /** Rejects the model's result: it is made again, unless a person's text stands. */
  public void reject() {
    if (card == null) {
      return;
    }
    String title = card.title();
    boolean[] again = new boolean[1];
    if (decided(
        () ->
            again[0] =
                card.isImage()
                    ? images.reject(card.id(), null, note, Console.actor())
                    : summaries.reject(card.id(), null, note, Console.actor()))) {
      if (again[0]) {
        trigger.runSoon();
      }
      Console.inform("Rejected " + title + (again[0] ? "; the model will try again." : "."));
      loadNext();
    }
  }

  /** Leaves the item for later in this session and shows the next one. */
  public void skip() {
    if (card != null) {
      skipped.add(card.id());
      loadNext();
    }
  }

  /** Goes back to the item shown before this one, if it still waits. */
  public void previous() {
    while (!earlier.isEmpty()) {
      ReviewItem back = earlier.pop();
      Optional<ReviewCard> loaded = cards.of(back);
      if (loaded.isPresent()) {
        skipped.remove(back.id());
        show(back, loaded.get());
        return;
      }
    }
    Console.inform("There is no earlier item that still waits.");
  }

  /**
   * Reads the queue again after it changed (a live update): the count and what comes next, or the
   * first item when none was shown. The item on screen stays, with what the reviewer typed.
   */
  public void refresh() {
    if (card == null) {
      loadNext();
    } else {
      recount();
    }
  }

  /** The items after the current one, in queue order. */
  public List<QueueEntry> getUpcoming() {
    return upcoming;
  }

  /** How many items wait for a person in all. */
  public long getWaiting() {
    return waiting;
  }

  public int getSoftLimit() {
    return card != null && !card.isImage()
        ? settings.summaryPurpose().softLimit()
        : settings.altTextPurpose().softLimit();
  }

  public ReviewCard getCard() {
    return card;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public List<String> getItems() {
    return items;
  }

  public void setItems(List<String> items) {
    this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  private void accept() {
    if (card.isImage()) {
      images.approve(card.id(), null, note, Console.actor());
    } else {
      summaries.approve(card.id(), null, note, Console.actor());
    }
  }

  private void edit() {
    if (card.isImage()) {
      images.edit(card.id(), null, card.version(), text, items, note, Console.actor());
    } else {
      summaries.edit(card.id(), null, card.version(), text, items, note, Console.actor());
    }
  }

  /** Runs a decision; a conflict is shown to the reviewer and the item stays on screen. */
  private boolean decided(Runnable decision) {
    try {
      decision.run();
      return true;
    } catch (VersionConflictException e) {
      Console.warn(
          "Someone changed this item meanwhile. Your text is still here: " + e.getMessage());
    } catch (ReviewConflictException | IllegalArgumentException e) {
      Console.warn(e.getMessage());
    }
    return false;
  }

  private void loadNext() {
    if (item != null) {
      earlier.push(item);
    }
    Set<String> leaveOut = new LinkedHashSet<>(skipped);
    while (true) {
      Optional<ReviewItem> next = queue.next(leaveOut);
      if (next.isEmpty()) {
        item = null;
        card = null;
        text = null;
        items = new ArrayList<>();
        note = null;
        recount();
        return;
      }
      Optional<ReviewCard> loaded = cards.of(next.get());
      if (loaded.isPresent()) {
        show(next.get(), loaded.get());
        return;
      }
      leaveOut.add(next.get().id());
    }
  }

  private void show(ReviewItem shown, ReviewCard loaded) {
    this.item = shown;
    this.card = loaded;
    this.text = loaded.proposedText();
    this.items = new ArrayList<>(loaded.proposedItems());
    this.note = null;
    recount();
  }

  private void recount() {
    Set<String> leaveOut = new LinkedHashSet<>(skipped);
    if (card != null) {
      leaveOut.add(card.id());
    }
    upcoming = queue.head(UPCOMING, leaveOut).stream().map(QueueEntry::of).toList();
    waiting = queue.size();
  }
}
