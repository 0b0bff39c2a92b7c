package dev.glimpse.domain.document;

import dev.glimpse.domain.review.ReviewConflictException;
import dev.glimpse.domain.review.Triage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The summary that stands for each document, and the model result that waits beside it for a
 * person. Every write joins the caller's transaction.
 */
@ApplicationScoped
public class SummaryStore {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** A model's summary stands and is served; a result that waited beside it is superseded. */
  @Transactional(TxType.MANDATORY)
  public void stand(String documentId, SummaryRecord summary) {
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    if (served == null) {
      served = new DocumentSummary(documentId);
      served.record(summary, clock.instant());
      em.persist(served);
    } else {
      served.record(summary, clock.instant());
    }
    dropProposal(documentId, served);
  }

  /** A model's summary waits for a person beside the one that stands (if any). */
  @Transactional(TxType.MANDATORY)
  public void propose(String documentId, SummaryRecord summary, String taskId, Triage triage) {
    proposal(documentId).proposed(summary, taskId, triage, clock.instant());
  }

  /** The model refused to summarize the text with hash {@code sha256}: a person must decide. */
  @Transactional(TxType.MANDATORY)
  public void proposeRefusal(
      String documentId, String reason, long version, String sha256, String taskId, Triage triage) {
    proposal(documentId).refused(reason, version, sha256, taskId, triage, clock.instant());
  }

  /** Whether a person wrote or approved the summary that stands. */
  @Transactional(TxType.MANDATORY)
  public boolean heldByPerson(String documentId) {
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    return served != null && served.heldByPerson();
  }

  /** The result waiting for a person, if any. */
  @Transactional(TxType.SUPPORTS)
  public Optional<SummaryProposal> waiting(String documentId) {
    return Optional.ofNullable(em.find(SummaryProposal.class, documentId));
  }

  /** The version of the summary that stands, for {@code If-Match}; 0 when none stands. */
  @Transactional(TxType.SUPPORTS)
  public long version(String documentId) {
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    return served == null ? 0 : served.version();
  }

  /**
   * A person approves the waiting result, which then stands, or else the summary that stands.
   * Returns what was approved, for the audit trail.
   *
   * @throws ReviewConflictException when there is no summary to approve
   */
  @Transactional(TxType.MANDATORY)
  public String approve(String documentId, String by, String note) {
    Instant now = clock.instant();
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    SummaryProposal waiting = em.find(SummaryProposal.class, documentId);
    if (waiting != null && waiting.record() != null) {
      if (served == null) {
        served = new DocumentSummary(documentId);
        served.approved(waiting.record(), by, note, now);
        em.persist(served);
      } else {
        served.approved(waiting.record(), by, note, now);
      }
      dropProposal(documentId, served);
      return "the model's proposal";
    }
    if (served == null) {
      throw new ReviewConflictException(
          "Document " + documentId + " has no summary to approve; write one instead.");
    }
    served.approved(by, note, now);
    if (waiting != null) {
      dropProposal(documentId, served);
    }
    return "the summary";
  }

  /**
   * A person's summary of {@code document} as it is now: it stands; a waiting result is dropped.
   */
  @Transactional(TxType.MANDATORY)
  public void write(
      Document document, String text, List<String> keyPoints, String by, String note) {
    DocumentSummary served = em.find(DocumentSummary.class, document.id());
    if (served == null) {
      served = new DocumentSummary(document.id());
      served.written(
          text, keyPoints, document.version(), document.textSha256(), by, note, clock.instant());
      em.persist(served);
    } else {
      served.written(
          text, keyPoints, document.version(), document.textSha256(), by, note, clock.instant());
    }
    dropProposal(document.id(), served);
  }

  /**
   * A person turns the model's summary down: the waiting result is dropped, or else the model's
   * summary that stands is withdrawn. Returns whether a new one should be made: not when a person's
   * summary stands.
   *
   * @throws ReviewConflictException when a person's summary stands and nothing waits
   */
  @Transactional(TxType.MANDATORY)
  public boolean reject(String documentId) {
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    SummaryProposal waiting = em.find(SummaryProposal.class, documentId);
    if (waiting != null) {
      dropProposal(documentId, served);
      return served == null || !served.heldByPerson();
    }
    if (served == null) {
      throw new ReviewConflictException("Document " + documentId + " has no summary to reject.");
    }
    if (served.heldByPerson()) {
      throw new ReviewConflictException(
          "The summary of document " + documentId + " stands by a person's decision; edit it.");
    }
    em.remove(served);
    return true;
  }

  /** Forgets the summary and the waiting result of a deleted document. */
  @Transactional(TxType.MANDATORY)
  public void forget(String documentId) {
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    if (served != null) {
      em.remove(served);
    }
    SummaryProposal waiting = em.find(SummaryProposal.class, documentId);
    if (waiting != null) {
      em.remove(waiting);
    }
  }

  private SummaryProposal proposal(String documentId) {
    SummaryProposal waiting = em.find(SummaryProposal.class, documentId);
    if (waiting == null) {
      waiting = new SummaryProposal(documentId);
      em.persist(waiting);
    }
    DocumentSummary served = em.find(DocumentSummary.class, documentId);
    if (served != null) {
      served.proposalWaiting(true);
    }
    return waiting;
  }

  private void dropProposal(String documentId, DocumentSummary served) {
    SummaryProposal waiting = em.find(SummaryProposal.class, documentId);
    if (waiting != null) {
      em.remove(waiting);
    }
    if (served != null) {
      served.proposalWaiting(false);
    }
  }
}
