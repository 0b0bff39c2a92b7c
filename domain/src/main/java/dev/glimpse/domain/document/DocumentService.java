package dev.glimpse.domain.document;

import dev.glimpse.domain.quota.Admission;
import dev.glimpse.domain.review.TextHistory;
import dev.glimpse.domain.review.Triage;
import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.support.NotFoundException;
import dev.glimpse.domain.support.Page;
import dev.glimpse.domain.support.VersionConflictException;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskService;
import dev.glimpse.domain.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Documents and their summaries: saving a document warms its summary (a LOW task, at most one
 * waiting per document); reading a summary serves it at once, refreshing it when the document has
 * moved on.
 */
@ApplicationScoped
public class DocumentService {

  private static final Logger LOG = Logger.getLogger(DocumentService.class);

  /**
   * A document's owner and text hash, its summary's row version and its current summary task's
   * status (the newest task, as {@link AiTask#LATEST_OF_SUBJECT} orders them), in one statement.
   */
  private static final String SUMMARY_READ =
      "SELECT d.owner, d.text_sha256, s.version,"
          + " (SELECT t.status FROM ai_task t WHERE t.kind = ?1 AND t.subject_id = d.id"
          + " ORDER BY t.created_at DESC, t.id FETCH FIRST 1 ROWS ONLY)"
          + " FROM document d LEFT JOIN document_summary s ON s.document_id = d.id"
          + " WHERE d.id = ?2";

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject GlimpseSettings settings;

  @Inject SummaryCache summaries;

  @Inject SummaryStore store;

  @Inject TextHistory history;

  @Inject TaskService tasks;

  @Inject CurrentSummaryPrompt prompt;

  Clock clock = Clock.systemUTC();

  /**
   * Stores a new document, once it passed {@code admission}, and enqueues the LOW task that warms
   * its summary.
   */
  @Transactional
  public DocumentListing create(
      String title, String text, String language, Actor actor, Admission admission) {
    checkSize(text);
    admission.check();
    Instant now = clock.instant();
    Document document = new Document(actor.toString(), title, text, language, now);
    em.persist(document);
    AiTask task = enqueue(document, TaskPriority.LOW, actor, now);
    em.flush();
    LOG.infof("Document(id=%s) created: %d characters", document.id(), text.length());
    return listing(document, null, task);
  }

  /**
   * Replaces a document's title and text if it is still at {@code expectedVersion}, and makes sure
   * a summary of the new text is on its way (one waiting task per document, whatever the number of
   * edits).
   *
   * @throws VersionConflictException when the document moved on
   */
  @Transactional
  public DocumentListing update(
      String id,
      String owner,
      long expectedVersion,
      String title,
      String text,
      String language,
      Actor actor) {
    checkSize(text);
    Document document = visible(id, owner);
    if (document.version() != expectedVersion) {
      throw new VersionConflictException("Document", id, expectedVersion, document.version());
    }
    Instant now = clock.instant();
    document.edit(title, text, language, now);
    em.flush();
    return listing(
        document,
        summaryOf(id),
        ensureSummaryComing(document, currentTask(id), TaskPriority.LOW, actor, true));
  }

  /**
   * The document with its current summary task, if {@code owner} may see it. The task is read
   * before the document, whose summary commits with the task's outcome: never older than it.
   */
  @Transactional
  public DocumentListing find(String id, String owner) {
    AiTask task = currentTask(id);
    Document document = em.find(Document.class, id);
    if (document == null || (owner != null && !owner.equals(document.owner()))) {
      throw new NotFoundException("Document", id);
    }
    return listing(document, summaryOf(id), task);
  }

  /** A page of all documents, newest first, each with its summary and current task (staff). */
  @Transactional
  public Page<DocumentListing> list(int page, int size) {
    List<Document> documents =
        em.createNamedQuery(Document.NEWEST_FIRST, Document.class)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    List<DocumentListing> listings =
        documents.stream()
            .map(
                document -> listing(document, summaryOf(document.id()), currentTask(document.id())))
            .toList();
    return new Page<>(listings, count(), page, size);
  }

  /** How many documents there are (staff). */
  @Transactional
  public long count() {
    return em.createNamedQuery(Document.COUNT, Long.class).getSingleResult();
  }

  /**
   * A summary read that is served as it is (fresh, or waiting for a person), or empty when the read
   * must enqueue work: then {@link #forSummaryRead} answers it. Most reads are such hits: they cost
   * one statement (the document's owner and text hash, the summary's row version and the current
   * task's status, all from one snapshot), no transaction, and no entity tracked for changes; the
   * summary itself comes from the {@link SummaryCache} while its row is unchanged.
   */
  @Transactional(value = TxType.SUPPORTS, dontRollbackOn = NotFoundException.class)
  public Optional<SummaryRead> servableSummary(String id, String owner) {
    List<?> rows =
        em.createNativeQuery(SUMMARY_READ)
            .setParameter(1, TaskKind.SUMMARIZE_DOCUMENT.name())
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("Document", id);
    }
    Object[] row = (Object[]) rows.get(0);
    if (owner != null && !owner.equals(row[0])) {
      throw new NotFoundException("Document", id);
    }
    StoredSummary summary =
        summaries.current(id, row[2] == null ? null : ((Number) row[2]).longValue());
    TaskStatus status = row[3] == null ? null : TaskStatus.valueOf((String) row[3]);
    boolean fresh = isFresh(summary, (String) row[1]);
    return fresh || status == TaskStatus.FLAGGED
        ? Optional.of(new SummaryRead(summary, status, fresh, waiting(id, summary)))
        : Optional.empty();
  }

  /**
   * The document for a summary read: when its summary is missing (HIGH: someone waits) or stale
   * (LOW: stale-while-revalidate), a task is enqueued unless one is already waiting or running.
   */
  @Transactional
  public DocumentListing forSummaryRead(String id, String owner, Actor actor) {
    DocumentListing listing = find(id, owner);
    if (listing.summaryIsFresh() || waitsForPerson(listing.task())) {
      return listing;
    }
    TaskPriority priority = listing.summary() == null ? TaskPriority.HIGH : TaskPriority.LOW;
    return listing(
        listing.document(),
        listing.summary(),
        ensureSummaryComing(listing.document(), listing.task(), priority, actor, false));
  }

  /** Regenerates the summary now (HIGH), unless a task is already on it. */
  @Transactional
  public DocumentListing regenerate(String id, String owner, Actor actor) {
    Document document = visible(id, owner);
    AiTask current = currentTask(id);
    if (current == null || !isUnderWay(current)) {
      current = enqueue(document, TaskPriority.HIGH, actor, clock.instant());
    }
    return listing(document, summaryOf(id), current);
  }

  /**
   * Enqueues a task that summarizes document {@code id} at {@code priority}, with the document's
   * row locked; none when it was deleted meanwhile.
   */
  @Transactional(TxType.MANDATORY)
  public Optional<AiTask> enqueueSummary(String id, TaskPriority priority, Actor actor) {
    Document document = em.find(Document.class, id, LockModeType.PESSIMISTIC_WRITE);
    return document == null
        ? Optional.empty()
        : Optional.of(enqueue(document, priority, actor, clock.instant()));
  }

  /**
   * Deletes a document with its summaries, and its tasks forget what they held of it; a task still
   * working for it ends FAILED (discarded).
   */
  @Transactional
  public void delete(String id, String owner, Actor actor) {
    em.remove(visible(id, owner));
    store.forget(id);
    history.forget(id);
    summaries.forget(id);
    tasks.forgetDeletedItem(id, actor);
    LOG.infof("Document(id=%s) deleted by %s", id, actor);
  }

  /** The current text of the document a task summarizes, or null when it was deleted. */
  @Transactional
  public DocumentText textOf(String id) {
    Document document = em.find(Document.class, id);
    if (document == null) {
      return null;
    }
    return new DocumentText(
        document.id(),
        document.title(),
        document.text(),
        document.textSha256(),
        document.version(),
        document.language());
  }

  /**
   * Makes sure one task will summarize the document's latest text, given its most recent summary
   * task {@code current} (null: none). After an edit a LOW warming task waits {@code
   * GLIMPSE_DOCUMENT_WARM_DELAY} past the edit, so a burst of saves costs one model call; a HIGH
   * one (someone waits) is due at once.
   */
  private AiTask ensureSummaryComing(
      Document document, AiTask current, TaskPriority priority, Actor actor, boolean afterEdit) {
    Instant now = clock.instant();
    AiTask coming =
        current == null || !isOnLatestText(current, document)
            ? enqueue(document, priority, actor, now)
            : current;
    if (priority == TaskPriority.HIGH) {
      coming.prioritize(TaskPriority.HIGH, actor, now);
    } else if (afterEdit && coming.priority() == TaskPriority.LOW) {
      coming.deferUntil(now.plus(settings.documentWarmDelay()), now);
    }
    return coming;
  }

  /**
   * Whether {@code task} will summarize the document's current text: it is waiting (it reads the
   * text when it runs), or it started after the last edit.
   */
  private static boolean isOnLatestText(AiTask task, Document document) {
    return task.status() == TaskStatus.PENDING
        || (task.status() == TaskStatus.PROCESSING
            && !task.updatedAt().isBefore(document.updatedAt()));
  }

  /** The most recent summary task of the document. */
  private AiTask currentTask(String documentId) {
    return em
        .createNamedQuery(AiTask.LATEST_OF_SUBJECT, AiTask.class)
        .setParameter("kind", TaskKind.SUMMARIZE_DOCUMENT)
        .setParameter("subject", documentId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /**
   * Whether the latest task's result waits for a person: reads do not buy new attempts then; an
   * edit of the document or a person's decision does.
   */
  private static boolean waitsForPerson(AiTask task) {
    return task != null && task.status() == TaskStatus.FLAGGED;
  }

  private static boolean isUnderWay(AiTask task) {
    return task.status() == TaskStatus.PENDING || task.status() == TaskStatus.PROCESSING;
  }

  private AiTask enqueue(Document document, TaskPriority priority, Actor actor, Instant now) {
    AiTask task =
        AiTask.enqueue(
            TaskKind.SUMMARIZE_DOCUMENT,
            document.id(),
            document.owner(),
            priority,
            settings.maxAttempts(),
            actor,
            now);
    em.persist(task);
    return task;
  }

  private DocumentListing listing(Document document, StoredSummary summary, AiTask task) {
    return new DocumentListing(
        document,
        summary,
        task,
        isFresh(summary, document.textSha256()),
        waiting(document.id(), summary));
  }

  /**
   * Whether {@code summary} was made from the text with hash {@code textSha256} and still holds.
   */
  private boolean isFresh(StoredSummary summary, String textSha256) {
    return summary != null
        && summary.isFor(textSha256)
        && (summary.heldByPerson() || prompt.isCurrent(summary.promptVersion()));
  }

  /** The triage of a model's result that waits beside the summary, or in place of a missing one. */
  private Triage waiting(String documentId, StoredSummary summary) {
    if (summary != null && !summary.proposalWaiting()) {
      return Triage.NONE;
    }
    SummaryProposal proposal = em.find(SummaryProposal.class, documentId);
    return proposal == null ? Triage.NONE : proposal.triage();
  }

  private StoredSummary summaryOf(String documentId) {
    return summaries.current(documentId);
  }

  /** The document, if {@code owner} may see it ({@code null}: staff). */
  @Transactional(TxType.SUPPORTS)
  public Document visible(String id, String owner) {
    Document document = em.find(Document.class, id);
    if (document == null || (owner != null && !owner.equals(document.owner()))) {
      throw new NotFoundException("Document", id);
    }
    return document;
  }

  private void checkSize(String text) {
    if (text.length() > settings.documentMaxChars()) {
      throw new DocumentTooLargeException(text.length(), settings.documentMaxChars());
    }
  }
}
