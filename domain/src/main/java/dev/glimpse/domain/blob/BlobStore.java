package dev.glimpse.domain.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bytes of uploads and their prepared variants live: in the database, so that every node
 * of a cluster reads the same bytes. Writes join the caller's transaction, so bytes and the row
 * that refers to them commit together.
 */
@ApplicationScoped
public class BlobStore {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Stores {@code content} and returns the stored blob (its id, size and SHA-256). */
  @Transactional(TxType.MANDATORY)
  public StoredBlob put(byte[] content, String mediaType) {
    StoredBlob blob = new StoredBlob(content, mediaType, clock.instant());
    em.persist(blob);
    return blob;
  }

  /**
   * The bytes stored under {@code id}, if they are still there. They are read as values, not as a
   * managed entity, which a transaction would keep a second copy of to detect changes.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<BlobContent> get(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return em
        .createQuery(
            "SELECT b.content, b.mediaType FROM StoredBlob b WHERE b.id = :id", Object[].class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .map(row -> new BlobContent((byte[]) row[0], (String) row[1]));
  }

  /** Removes the bytes stored under each id that is not null, without reading them first. */
  @Transactional(TxType.MANDATORY)
  public void delete(String... ids) {
    List<String> present = Arrays.stream(ids).filter(Objects::nonNull).toList();
    if (!present.isEmpty()) {
      em.createQuery("DELETE FROM StoredBlob b WHERE b.id IN :ids")
          .setParameter("ids", present)
          .executeUpdate();
    }
  }
}
