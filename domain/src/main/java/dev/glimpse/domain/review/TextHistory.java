package dev.glimpse.domain.review;

import dev.glimpse.domain.task.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/** Keeps every text an item had or was offered, in the transaction that wrote it. */
@ApplicationScoped
public class TextHistory {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  /** A model's text for the item, made by {@code provider/model} in task {@code taskId}. */
  @Transactional(TxType.MANDATORY)
  public void proposed(
      ContentKind kind,
      String subjectId,
      String text,
      List<String> labels,
      String madeBy,
      String taskId,
      Instant now) {
    em.persist(new TextRevision(kind, subjectId, true, madeBy, text, labels, taskId, now));
  }

  /** A text a person or an API client wrote for the item. */
  @Transactional(TxType.MANDATORY)
  public void written(
      ContentKind kind,
      String subjectId,
      String text,
      List<String> labels,
      Actor actor,
      String taskId,
      Instant now) {
    em.persist(
        new TextRevision(kind, subjectId, false, actor.toString(), text, labels, taskId, now));
  }

  /** The item's texts, oldest first. */
  @Transactional(TxType.SUPPORTS)
  public List<TextRevision> of(String subjectId) {
    return em.createQuery(
            "SELECT r FROM TextRevision r WHERE r.subjectId = :subject"
                + " ORDER BY r.writtenAt, r.id",
            TextRevision.class)
        .setParameter("subject", subjectId)
        .getResultList();
  }

  /** Forgets the history of an item that is deleted. */
  @Transactional(TxType.MANDATORY)
  public void forget(String subjectId) {
    em.createQuery("DELETE FROM TextRevision r WHERE r.subjectId = :subject")
        .setParameter("subject", subjectId)
        .executeUpdate();
  }
}
