package dev.glimpse.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.glimpse.domain.document.StoredSummary;
import dev.glimpse.domain.document.SummaryCopies;
import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Copies of stored summaries in memory (Caffeine), bounded by {@code GLIMPSE_SUMMARY_CACHE_SIZE}.
 */
@ApplicationScoped
public class CaffeineSummaryCopies implements SummaryCopies {

  @Inject GlimpseSettings settings;

  private Cache<String, StoredSummary> copies;

  @PostConstruct
  void create() {
    copies = Caffeine.newBuilder().maximumSize(settings.summaryCacheSize()).build();
  }

  @Override
  public StoredSummary get(String documentId) {
    return copies.getIfPresent(documentId);
  }

  @Override
  public void put(String documentId, StoredSummary summary) {
    copies.put(documentId, summary);
  }

  @Override
  public void forget(String documentId) {
    copies.invalidate(documentId);
  }
}
