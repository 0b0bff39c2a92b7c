package dev.glimpse.domain.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Stored summaries kept in memory ({@link SummaryCopies}, bounded by {@code
 * GLIMPSE_SUMMARY_CACHE_SIZE}) so that a read costs one indexed look-up of the row's version
 * instead of loading its text and key points. A copy is served only while the row still has the
 * version it was read at: another node's new summary is seen at once, with no cache coordination
 * between nodes.
 */
@ApplicationScoped
public class SummaryCache {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject SummaryCopies copies;

  /** The document's stored summary, or null when it has none. */
  StoredSummary current(String documentId) {
    List<Long> versions =
        em.createNamedQuery(DocumentSummary.VERSION_OF, Long.class)
            .setParameter("document", documentId)
            .getResultList();
    return current(documentId, versions.isEmpty() ? null : versions.get(0));
  }

  /**
   * The document's stored summary, its row's {@code version} read already (null: the document has
   * no summary).
   */
  StoredSummary current(String documentId, Long version) {
    if (version == null) {
      copies.forget(documentId);
      return null;
    }
    StoredSummary copy = copies.get(documentId);
    if (copy != null && copy.rowVersion() == version) {
      return copy;
    }
    DocumentSummary row = em.find(DocumentSummary.class, documentId);
    if (row == null) {
      return null;
    }
    StoredSummary loaded = row.snapshot();
    copies.put(documentId, loaded);
    return loaded;
  }

  /** Forgets the copy of a deleted document's summary. */
  void forget(String documentId) {
    copies.forget(documentId);
  }
}
