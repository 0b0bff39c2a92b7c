package dev.glimpse.domain.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Stored summaries kept in memory (Caffeine, bounded by {@code GLIMPSE_SUMMARY_CACHE_SIZE}) so that
 * a read costs one indexed look-up of the row's version instead of loading its text and key points.
 * A copy is served only while the row still has the version it was read at: another node's new
 * summary is seen at once, with no cache coordination between nodes.
 */
@ApplicationScoped
public class SummaryCache {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject GlimpseSettings settings;

  private Cache<String, StoredSummary> copies;

  @PostConstruct
  void create() {
    copies = Caffeine.newBuilder().maximumSize(settings.summaryCacheSize()).build();
  }

  /** The document's stored summary, or null when it has none; call inside a transaction. */
  StoredSummary current(String documentId) {
    List<Long> versions =
        em.createNamedQuery(DocumentSummary.VERSION_OF, Long.class)
            .setParameter("document", documentId)
            .getResultList();
    if (versions.isEmpty()) {
      copies.invalidate(documentId);
      return null;
    }
    StoredSummary copy = copies.getIfPresent(documentId);
    if (copy != null && copy.rowVersion() == versions.get(0)) {
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
    copies.invalidate(documentId);
  }
}
