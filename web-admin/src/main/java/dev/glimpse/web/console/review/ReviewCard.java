package dev.glimpse.web.console.review;

import dev.glimpse.domain.review.ContentKind;
import java.io.Serializable;
import java.util.List;

/**
 * What the review page shows of one waiting item, read once when the item loads.
 *
 * @param id the image's or the document's id
 * @param title the file name or the document's title
 * @param opening for a document, the start of its text; null for an image
 * @param proposedText what the model made (the text to approve), or null when it refused
 * @param proposedItems the model's labels (images) or key points (documents)
 * @param standingText a person's text that stands beside the proposal, or null
 * @param refusal what the model answered instead of a result, or null
 * @param reasons the triage reasons, as reviewers read them
 * @param findings what the pipeline found, a sentence each (markup removed, instructions…)
 * @param madeBy provider and model, or null
 * @param version the version the reviewer's edit is based on (the image's, or the summary's)
 */
public record ReviewCard(
    ContentKind kind,
    String id,
    String title,
    String opening,
    String proposedText,
    List<String> proposedItems,
    String standingText,
    String refusal,
    List<String> reasons,
    List<String> findings,
    int score,
    String madeBy,
    String promptVersion,
    String language,
    long version)
    implements Serializable {

  public ReviewCard {
    proposedItems = List.copyOf(proposedItems);
    reasons = List.copyOf(reasons);
    findings = List.copyOf(findings);
  }

  public boolean isImage() {
    return kind == ContentKind.IMAGES;
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getOpening() {
    return opening;
  }

  public String getStandingText() {
    return standingText;
  }

  public String getRefusal() {
    return refusal;
  }

  public List<String> getReasons() {
    return reasons;
  }

  public List<String> getFindings() {
    return findings;
  }

  public int getScore() {
    return score;
  }

  public String getMadeBy() {
    return madeBy;
  }

  public String getPromptVersion() {
    return promptVersion;
  }

  public String getLanguage() {
    return language;
  }

  /** The item's own page in the console. */
  public String getItemPage() {
    return (isImage() ? "image" : "document") + ".xhtml?id=" + id;
  }
}
