package dev.glimpse.domain.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.document.CurrentSummaryPrompt;
import dev.glimpse.domain.support.H2PersistenceUnit;
import dev.glimpse.domain.task.TaskKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which items a backfill works through, in a database (H2, as {@code ./glimpse run} has it). */
class BackfillCandidatesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final BackfillCandidates candidates = new BackfillCandidates();
  private final CurrentSummaryPrompt prompt = new CurrentSummaryPrompt();

  BackfillCandidatesTest() {
    candidates.em = em;
    candidates.summaryPrompt = prompt;
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void anImageNeedsADescriptionWhenItHasNoAltTextAndNothingIsComingForIt() {
    image("i1", "api:a", "cat.png", null, null, null);
    image("i2", "api:a", "dog.png", null, "t2", null);
    task("t2", "DESCRIBE_IMAGE", "i2", "FAILED", "transient");
    image("i3", "api:a", "fox.png", null, "t3", null);
    task("t3", "DESCRIBE_IMAGE", "i3", "PENDING", null);
    image("i4", "api:a", "owl.png", "Written by a person", null, null);
    image("i5", "api:a", "eel.png", null, "t5", true);
    task("t5", "DESCRIBE_IMAGE", "i5", "FLAGGED", null);
    image("i6", "api:b", "cat-too.png", null, "t6", null);
    task("t6", "DESCRIBE_IMAGE", "i6", "FAILED", "discarded");

    BackfillScope all = BackfillScope.all(TaskKind.DESCRIBE_IMAGE, null);
    assertThat(candidates.count(all)).isEqualTo(3);
    assertThat(candidates.after(all, null, 10)).containsExactly("i1", "i2", "i6");
    assertThat(candidates.after(all, "i1", 1)).containsExactly("i2");
    assertThat(candidates.count(BackfillScope.all(TaskKind.DESCRIBE_IMAGE, "api:a"))).isEqualTo(2);
    assertThat(
            candidates.after(
                new BackfillScope(TaskKind.DESCRIBE_IMAGE, null, "CAT", null, null, null),
                null,
                10))
        .containsExactly("i1", "i6");
    assertThat(
            candidates.after(
                new BackfillScope(TaskKind.DESCRIBE_IMAGE, null, null, "transient", null, null),
                null,
                10))
        .containsExactly("i2");
  }

  @Test
  void aDocumentNeedsASummaryOfItsCurrentTextWithTheCurrentPromptUnlessAPersonKeptOne() {
    prompt.announce("v2");
    document("d1", "sha-1");
    document("d2", "sha-2");
    summary("d2", "sha-2", "v2", null);
    document("d3", "sha-3");
    summary("d3", "sha-old", "v2", null);
    document("d4", "sha-4");
    summary("d4", "sha-4", "v1", null);
    document("d5", "sha-5");
    summary("d5", "sha-5", "v1", "APPROVED");
    document("d6", "sha-6");
    task("t6", "SUMMARIZE_DOCUMENT", "d6", "PENDING", null);
    document("d7", "sha-7");
    task("t7", "SUMMARIZE_DOCUMENT", "d7", "FAILED", "permanent");

    assertThat(candidates.after(BackfillScope.all(TaskKind.SUMMARIZE_DOCUMENT, null), null, 10))
        .containsExactly("d1", "d3", "d4", "d7");
  }

  private void image(
      String id, String owner, String filename, String altText, String task, Boolean waiting) {
    insert(
        "INSERT INTO image_asset (id, ai_generated, content_blob_id, content_sha256, content_type,"
            + " created_at, height, language, owner, review_state, size_bytes, updated_at, version,"
            + " width, filename, alt_text, task_id, awaiting_review) VALUES (?1, FALSE, 'b', 's',"
            + " 'image/png', ?2, 1, 'en', ?3, 'UNREVIEWED', 1, ?2, 1, 1, ?4, ?5, ?6, ?7)",
        id,
        Timestamp.from(NOW),
        owner,
        filename,
        altText,
        task,
        waiting);
  }

  private void task(String id, String kind, String subject, String status, String errorKind) {
    insert(
        "INSERT INTO ai_task (id, attempts, created_at, kind, max_attempts, next_attempt_at, owner,"
            + " priority, priority_rank, status, subject_id, updated_at, version, error_kind)"
            + " VALUES (?1, 1, ?2, ?3, 3, ?2, 'api:a', 'LOW', 1, ?4, ?5, ?2, 1, ?6)",
        id,
        Timestamp.from(NOW),
        kind,
        status,
        subject,
        errorKind);
  }

  private void document(String id, String sha) {
    insert(
        "INSERT INTO document (id, created_at, language, owner, text, text_sha256, title,"
            + " updated_at, version) VALUES (?1, ?2, 'en', 'api:a', 'text', ?3, 'title', ?2, 1)",
        id,
        Timestamp.from(NOW),
        sha);
  }

  private void summary(String document, String sha, String promptVersion, String review) {
    insert(
        "INSERT INTO document_summary (document_id, for_sha256, for_version, generated_at, model,"
            + " prompt_version, provider, text, version, review_state) VALUES (?1, ?2, 1, ?3,"
            + " 'm', ?4, 'p', 'A summary.', 1, ?5)",
        document,
        sha,
        Timestamp.from(NOW),
        promptVersion,
        review);
  }

  private void insert(String sql, Object... values) {
    em.getTransaction().begin();
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    query.executeUpdate();
    em.getTransaction().commit();
  }
}
