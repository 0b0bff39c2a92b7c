package dev.glimpse.domain.backfill;

import dev.glimpse.domain.document.CurrentSummaryPrompt;
import dev.glimpse.domain.task.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      "FROM image_asset x WHERE x.alt_text IS NULL AND x.awaiting_review IS NOT TRUE"
          + " AND (x.task_id IS NULL OR EXISTS (SELECT 1 FROM ai_task t WHERE t.id = x.task_id"
          + " AND t.status = 'FAILED'))";

  private static final String DOCUMENTS =
      "FROM document x WHERE NOT EXISTS (SELECT 1 FROM ai_task t"
          + " WHERE t.kind = 'SUMMARIZE_DOCUMENT' AND t.subject_id = x.id"
          + " AND t.status IN ('PENDING', 'PROCESSING', 'FLAGGED'))"
          + " AND NOT EXISTS (SELECT 1 FROM document_summary s"
          + " WHERE s.document_id = x.id AND s.for_sha256 = x.text_sha256";

  /** A summary kept by a person stays current whatever the prompt. */
  private static final String KEPT_BY_PERSON = "s.review_state IN ('APPROVED', 'EDITED')";

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject CurrentSummaryPrompt summaryPrompt;

  /** How many items of {@code scope} need the work now. */
  @Transactional(TxType.SUPPORTS)
  public long count(BackfillScope scope) {
    return ((Number) query("SELECT COUNT(*) ", where(scope, null), "").getSingleResult())
        .longValue();
  }

  /**
   * The ids of at most {@code limit} items of {@code scope} that need the work after {@code
   * afterId}.
   */
  @Transactional(TxType.SUPPORTS)
  public List<String> after(BackfillScope scope, String afterId, int limit) {
    Where where = where(scope, afterId);
    where.parameters().add(limit);
    return ids(query("SELECT x.id ", where, " ORDER BY x.id LIMIT ?" + where.parameters().size()));
  }

  /** Whether the item {@code id} of {@code scope} needs the work now. */
  @Transactional(TxType.MANDATORY)
  public boolean needsWork(BackfillScope scope, String id) {
    Where where = where(scope, null);
    where.parameters().add(id);
    return !ids(query("SELECT x.id ", where, " AND x.id = ?" + where.parameters().size()))
        .isEmpty();
  }

  private Query query(String select, Where where, String rest) {
    Query query = em.createNativeQuery(select + where.from() + rest);
    for (int i = 0; i < where.parameters().size(); i++) {
      query.setParameter(i + 1, where.parameters().get(i));
    }
    return query;
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Query query) {
    return query.getResultList();
  }

  /**
   * The FROM and WHERE of the items that need the work, the item as {@code x}, with its positional
   * parameters. Native SQL: {@code IS NOT TRUE} reads a boolean the same on PostgreSQL and H2.
   */
  private Where where(BackfillScope scope, String afterId) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder from = new StringBuilder();
    if (scope.kind() == TaskKind.DESCRIBE_IMAGE) {
      from.append(IMAGES);
      if (scope.text() != null) {
        parameters.add(like(scope.text()));
        from.append(" AND LOWER(x.filename) LIKE ?").append(parameters.size());
      }
      if (scope.errorKind() != null) {
        parameters.add(scope.errorKind());
        from.append(" AND EXISTS (SELECT 1 FROM ai_task f WHERE f.id = x.task_id")
            .append(" AND f.error_kind = ?")
            .append(parameters.size())
            .append(')');
      }
    } else {
      from.append(DOCUMENTS);
      Optional<String> prompt = summaryPrompt.version();
      if (prompt.isPresent()) {
        parameters.add(prompt.get());
        from.append(" AND (s.prompt_version = ?")
            .append(parameters.size())
            .append(" OR ")
            .append(KEPT_BY_PERSON)
            .append(')');
      }
      from.append(')');
      if (scope.text() != null) {
        parameters.add(like(scope.text()));
        from.append(" AND LOWER(x.title) LIKE ?").append(parameters.size());
      }
    }
    if (scope.owner() != null) {
      parameters.add(scope.owner());
      from.append(" AND x.owner = ?").append(parameters.size());
    }
    if (scope.uploadedFrom() != null) {
      parameters.add(Timestamp.from(scope.uploadedFrom()));
      from.append(" AND x.created_at >= ?").append(parameters.size());
    }
    if (scope.uploadedBefore() != null) {
      parameters.add(Timestamp.from(scope.uploadedBefore()));
      from.append(" AND x.created_at < ?").append(parameters.size());
    }
    if (afterId != null) {
      parameters.add(afterId);
      from.append(" AND x.id > ?").append(parameters.size());
    }
    return new Where(from.toString(), parameters);
  }

  private static String like(String text) {
    return "%" + text.toLowerCase(Locale.ROOT) + "%";
  }

  private record Where(String from, List<Object> parameters) {}
}
