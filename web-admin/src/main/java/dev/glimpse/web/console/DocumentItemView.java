package dev.glimpse.web.console;

import dev.glimpse.domain.document.Document;
import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.document.SummaryProposal;
import dev.glimpse.domain.document.SummaryStore;
import dev.glimpse.domain.review.TextHistory;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.AiTask;
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
import java.util.Optional;

/**
 * Backs {@code /admin/document.xhtml?id=…}: one document, edited against the version it was read
 * at, with its summary, the history of its summaries and its task's audit trail. An edit that
 * conflicts with someone else's shows what they changed and keeps the reviewer's text.
 */
@Named
@ViewScoped
public class DocumentItemView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DocumentService documents;

  @Inject transient SummaryStore summaries;

  @Inject transient TextHistory texts;

  @Inject transient TaskReads reads;

  @Inject transient TaskRunTrigger trigger;

  private String id;
  private boolean found;
  private String title;
  private String text;
  private String language;
  private long version;
  private String baseText;
  private List<TextChanges.Line> theirChanges = List.of();
  private long theirVersion;
  private DocumentRow row;
  private String proposal;
  private String refusal;
  private ItemHistory past = ItemHistory.NONE;

  /** Loads the document named in the URL (a view action). */
  public void load() {
    try {
      DocumentListing listing = documents.find(id, null);
      Document document = listing.document();
      found = true;
      title = document.title();
      text = document.text();
      language = document.language();
      version = document.version();
      baseText = document.text();
      theirChanges = List.of();
      loadAround(listing);
    } catch (NotFoundException e) {
      found = false;
      Console.warn("Document " + id + " does not exist.");
    }
  }

  /**
   * Saves the edit if nobody saved another version meanwhile. Otherwise shows what they changed,
   * keeps this text in the editor, and a second save replaces their version knowingly.
   */
  public void save() {
    try {
      DocumentListing saved =
          documents.update(id, null, version, title, text, language, Console.actor());
      trigger.runSoon();
      version = saved.document().version();
      baseText = text;
      theirChanges = List.of();
      Console.inform("Saved version " + version + "; a new summary is on its way.");
      loadAround(documents.find(id, null));
    } catch (VersionConflictException e) {
      Document theirs = documents.find(id, null).document();
      theirChanges = TextChanges.between(baseText, theirs.text());
      theirVersion = theirs.version();
      version = theirs.version();
      baseText = theirs.text();
      Console.warn(
          "Someone saved version "
              + theirs.version()
              + " while you were editing. Their changes are shown below; your text is still in"
              + " the editor. Save again to replace their version with yours.");
    } catch (IllegalArgumentException e) {
      Console.warn(e.getMessage());
    }
  }

  /** Has the summary made again now. */
  public void regenerate() {
    documents.regenerate(id, null, Console.actor());
    trigger.runSoon();
    Console.inform("A new summary is on its way.");
    loadAround(documents.find(id, null));
  }

  /** Deletes the document and goes back to the list. */
  public void delete() {
    documents.delete(id, null, Console.actor());
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect("documents.xhtml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void loadAround(DocumentListing listing) {
    row = DocumentRow.of(listing);
    Optional<SummaryProposal> waiting = summaries.waiting(id);
    proposal = waiting.map(SummaryProposal::text).orElse(null);
    refusal = waiting.map(SummaryProposal::refusal).orElse(null);
    AiTask task = listing.task();
    past = ItemHistory.of(texts.of(id), task, task == null ? List.of() : reads.events(task.id()));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isFound() {
    return found;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public long getVersion() {
    return version;
  }

  /** What someone else changed, when a save conflicted with theirs. */
  public List<TextChanges.Line> getTheirChanges() {
    return theirChanges;
  }

  public long getTheirVersion() {
    return theirVersion;
  }

  public DocumentRow getRow() {
    return row;
  }

  public String getProposal() {
    return proposal;
  }

  public String getRefusal() {
    return refusal;
  }

  /** The item's texts, audit trail and last raw answer. */
  public ItemHistory getPast() {
    return past;
  }
}
