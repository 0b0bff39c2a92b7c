package dev.glimpse.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.support.H2PersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review queue read from a database (H2, as {@code ./glimpse run} has it). */
class ReviewQueueTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final ReviewQueue queue = new ReviewQueue();

  ReviewQueueTest() {
    queue.em = em;
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void countsTheImagesThatAwaitReview() {
    image("a.png", true, 10, NOW);
    image("b.png", true, 20, NOW);
    image("c.png", false, 90, NOW);
    image("d.png", null, 90, NOW);

    assertThat(queue.size()).isEqualTo(2);
  }

  @Test
  void theMostDoubtfulImageComesFirstAndSkippedOnesNever() {
    String doubtful = image("doubtful.png", true, 40, NOW);
    String skipped = image("skipped.png", true, 90, NOW);
    image("clear.png", true, 10, NOW.minusSeconds(60));
    image("done.png", false, 99, NOW);

    assertThat(queue.head(5, Set.of(skipped)))
        .extracting(ReviewItem::title)
        .containsExactly("doubtful.png", "clear.png");
    assertThat(queue.next(Set.of(skipped))).map(ReviewItem::id).contains(doubtful);
  }

  /** An image row as the application writes it; returns its id. */
  private String image(String filename, Boolean awaitingReview, int score, Instant updatedAt) {
    String id = UUID.randomUUID().toString();
    em.getTransaction().begin();
    em.createNativeQuery(
            "INSERT INTO image_asset (id, ai_generated, awaiting_review, content_blob_id,"
                + " content_sha256, content_type, created_at, filename, height, language, owner,"
                + " review_state, size_bytes, triage_score, updated_at, version, width)"
                + " VALUES (?1, TRUE, ?2, 'blob', 'sha', 'image/png', ?3, ?4, 300, 'en',"
                + " 'api:bootstrap', 'UNREVIEWED', 1024, ?5, ?3, 1, 451)")
        .setParameter(1, id)
        .setParameter(2, awaitingReview)
        .setParameter(3, Timestamp.from(updatedAt))
        .setParameter(4, filename)
        .setParameter(5, score)
        .executeUpdate();
    em.getTransaction().commit();
    return id;
  }
}
