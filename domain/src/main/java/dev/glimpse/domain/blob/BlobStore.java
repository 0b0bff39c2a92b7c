package dev.glimpse.domain.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
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

  /** The bytes stored under {@code id}, if they are still there. */
  @Transactional(TxType.SUPPORTS)
  public Optional<BlobContent> get(String id) {
    StoredBlob blob = id == null ? null : em.find(StoredBlob.class, id);
    return blob == null
        ? Optional.empty()
        : Optional.of(new BlobContent(blob.content(), blob.mediaType()));
  }

  /** Removes the bytes stored under each id that is not null. */
  @Transactional(TxType.MANDATORY)
  public void delete(String... ids) {
    for (String id : ids) {
      StoredBlob blob = id == null ? null : em.find(StoredBlob.class, id);
      if (blob != null) {
        em.remove(blob);
      }
    }
  }
}
