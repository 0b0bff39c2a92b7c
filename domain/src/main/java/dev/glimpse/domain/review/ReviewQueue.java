package dev.glimpse.domain.review;

import dev.glimpse.domain.document.SummaryProposal;
import dev.glimpse.domain.image.ImageAsset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The items that wait for a person, most doubtful first: images whose ALT text waits for review,
 * and documents whose summary proposal does. Ties go to the item that has waited longest.
 */
@ApplicationScoped
public class ReviewQueue {

  /** Most doubtful first, then longest waiting, then by id for a stable order. */
  static final Comparator<ReviewItem> ORDER =
      Comparator.comparingInt(ReviewItem::score)
          .reversed()
          .thenComparing(ReviewItem::since)
          .thenComparing(ReviewItem::id);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /** How many items wait for a person. */
  @Transactional(TxType.SUPPORTS)
  public long size() {
    long images =
        em.createQuery(
                "SELECT COUNT(i) FROM ImageAsset i WHERE i.awaitingReview = TRUE", Long.class)
            .getSingleResult();
    long summaries =
        em.createQuery("SELECT COUNT(p) FROM SummaryProposal p", Long.class).getSingleResult();
    return images + summaries;
  }

  /** The first {@code count} items in queue order, leaving out {@code skipped} ids. */
  @Transactional(TxType.SUPPORTS)
  public List<ReviewItem> head(int count, Set<String> skipped) {
    List<ReviewItem> items = new ArrayList<>(images(count, skipped));
    items.addAll(summaries(count, skipped));
    items.sort(ORDER);
    return items.subList(0, Math.min(count, items.size()));
  }

  /** The most doubtful item, leaving out {@code skipped} ids. */
  @Transactional(TxType.SUPPORTS)
  public Optional<ReviewItem> next(Set<String> skipped) {
    return head(1, skipped).stream().findFirst();
  }

  private List<ReviewItem> images(int count, Set<String> skipped) {
    String notSkipped = skipped.isEmpty() ? "" : " AND i.id NOT IN :skipped";
    var query =
        em.createQuery(
            "SELECT i FROM ImageAsset i WHERE i.awaitingReview = TRUE"
                + notSkipped
                + " ORDER BY i.triageScore DESC, i.updatedAt, i.id",
            ImageAsset.class);
    if (!skipped.isEmpty()) {
      query.setParameter("skipped", skipped);
    }
    return query.setMaxResults(count).getResultList().stream()
        .map(
            image ->
                new ReviewItem(
                    ContentKind.IMAGES,
                    image.id(),
                    image.filename() == null ? image.id() : image.filename(),
                    image.triage().score(),
                    image.triage().reasons(),
                    image.updatedAt()))
        .toList();
  }

  private List<ReviewItem> summaries(int count, Set<String> skipped) {
    String notSkipped = skipped.isEmpty() ? "" : " AND p.documentId NOT IN :skipped";
    var query =
        em.createQuery(
            "SELECT p, d.title FROM SummaryProposal p, Document d WHERE d.id = p.documentId"
                + notSkipped
                + " ORDER BY p.triageScore DESC, p.madeAt, p.documentId",
            Object[].class);
    if (!skipped.isEmpty()) {
      query.setParameter("skipped", skipped);
    }
    return query.setMaxResults(count).getResultList().stream()
        .map(
            row -> {
              SummaryProposal proposal = (SummaryProposal) row[0];
              return new ReviewItem(
                  ContentKind.SUMMARIES,
                  proposal.documentId(),
                  (String) row[1],
                  proposal.triage().score(),
                  proposal.triage().reasons(),
                  proposal.madeAt());
            })
        .toList();
  }
}
