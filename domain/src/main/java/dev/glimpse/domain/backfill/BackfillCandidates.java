package dev.glimpse.domain.backfill;

import dev.glimpse.domain.document.CurrentSummaryPrompt;
import dev.glimpse.domain.task.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The items a backfill's scope lets through that need the work, in id order.
 *
 * <ul>
 *   <li>An image needs a description when it has no ALT text and nobody is about to give it one: it
 *       never had a task, or its task FAILED (a discarded one included). An image waiting for a
 *       person, or with a task waiting or running, does not.
 *   <li>A document needs a summary when it has none made from its current text with the current
 *       prompt (or kept by a person), and no summary task of it waits, runs or waits for a person.
 * </ul>
 */
@ApplicationScoped
public class BackfillCandidates {

  private static final String IMAGES =
      "FROM ImageAsset x WHERE x.altText IS NULL"
          + " AND (x.awaitingReview IS NULL OR x.awaitingReview = FALSE)"
          + " AND (x.taskId IS NULL OR EXISTS (SELECT t.id FROM AiTask t WHERE t.id = x.taskId"
          + " AND t.status = dev.glimpse.domain.task.TaskStatus.FAILED))";

  private static final String DOCUMENTS =
      "FROM Document x WHERE NOT EXISTS (SELECT t.id FROM AiTask t"
          + " WHERE t.kind = dev.glimpse.domain.task.TaskKind.SUMMARIZE_DOCUMENT"
          + " AND t.subjectId = x.id AND t.status IN (dev.glimpse.domain.task.TaskStatus.PENDING,"
          + " dev.glimpse.domain.task.TaskStatus.PROCESSING,"
          + " dev.glimpse.domain.task.TaskStatus.FLAGGED))"
          + " AND NOT EXISTS (SELECT s.documentId FROM DocumentSummary s"
          + " WHERE s.documentId = x.id AND s.forSha256 = x.textSha256";

  /** A summary kept by a person stays current whatever the prompt. */
  private static final String KEPT_BY_PERSON =
      "s.reviewState IN (dev.glimpse.domain.review.ReviewState.APPROVED,"
          + " dev.glimpse.domain.review.ReviewState.EDITED)";

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject CurrentSummaryPrompt summaryPrompt;

  /** How many items of {@code scope} need the work now. */
  @Transactional(TxType.SUPPORTS)
  public long count(BackfillScope scope) {
    Where where = where(scope, null);
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(x) " + where.from(), Long.class);
    where.parameters().forEach(query::setParameter);
    return query.getSingleResult();
  }

  /**
   * The ids of at most {@code limit} items of {@code scope} that need the work after {@code
   * afterId}.
   */
  @Transactional(TxType.SUPPORTS)
  public List<String> after(BackfillScope scope, String afterId, int limit) {
    Where where = where(scope, afterId);
    TypedQuery<String> query =
        em.createQuery("SELECT x.id " + where.from() + " ORDER BY x.id", String.class);
    where.parameters().forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /** Whether the item {@code id} of {@code scope} needs the work now. */
  @Transactional(TxType.MANDATORY)
  public boolean needsWork(BackfillScope scope, String id) {
    Where where = where(scope, null);
    TypedQuery<String> query =
        em.createQuery("SELECT x.id " + where.from() + " AND x.id = :id", String.class);
    where.parameters().forEach(query::setParameter);
    return !query.setParameter("id", id).getResultList().isEmpty();
  }

  /** The FROM and WHERE of the items that need the work, the item as {@code x}, with parameters. */
  private Where where(BackfillScope scope, String afterId) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    String from;
    if (scope.kind() == TaskKind.DESCRIBE_IMAGE) {
      from = IMAGES;
      if (scope.text() != null) {
        conditions.add("LOWER(x.filename) LIKE :text");
      }
      if (scope.errorKind() != null) {
        conditions.add(
            "EXISTS (SELECT f.id FROM AiTask f WHERE f.id = x.taskId AND f.errorKind = :errorKind)");
        parameters.put("errorKind", scope.errorKind());
      }
    } else {
      Optional<String> prompt = summaryPrompt.version();
      from =
          DOCUMENTS
              + prompt
                  .map(version -> " AND (s.promptVersion = :prompt OR " + KEPT_BY_PERSON + "))")
                  .orElse(")");
      prompt.ifPresent(version -> parameters.put("prompt", version));
      if (scope.text() != null) {
        conditions.add("LOWER(x.title) LIKE :text");
      }
    }
    if (scope.text() != null) {
      parameters.put("text", "%" + scope.text().toLowerCase(Locale.ROOT) + "%");
    }
    if (scope.owner() != null) {
      conditions.add("x.owner = :owner");
      parameters.put("owner", scope.owner());
    }
    if (scope.uploadedFrom() != null) {
      conditions.add("x.createdAt >= :from");
      parameters.put("from", scope.uploadedFrom());
    }
    if (scope.uploadedBefore() != null) {
      conditions.add("x.createdAt < :before");
      parameters.put("before", scope.uploadedBefore());
    }
    if (afterId != null) {
      conditions.add("x.id > :after");
      parameters.put("after", afterId);
    }
    StringBuilder query = new StringBuilder(from);
    conditions.forEach(condition -> query.append(" AND ").append(condition));
    return new Where(query.toString(), parameters);
  }

  private record Where(String from, Map<String, Object> parameters) {}
}
