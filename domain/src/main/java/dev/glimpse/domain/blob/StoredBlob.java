package dev.glimpse.domain.blob;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** Bytes kept in the database, so that every node of a cluster can read them. */
@Entity
@Table(name = "stored_blob")
public class StoredBlob {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "media_type", length = 100, nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "sha256", length = 64, nullable = false)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false)
  private byte[] content;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StoredBlob() {}

  /**
   * A blob of {@code content}, which it takes as it is: uploads run to megabytes, and a copy of
   * each would double what an upload holds in memory. The caller hands the array over and does not
   * change it afterwards.
   */
  public StoredBlob(byte[] content, String mediaType, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.content = Objects.requireNonNull(content, "content");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.size = content.length;
    this.sha256 = sha256Hex(content);
    this.createdAt = now;
  }

  /** Lower-case hexadecimal SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public String id() {
    return id;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  /** The stored bytes themselves, not a copy (see the constructor): callers only read them. */
  public byte[] content() {
    return content;
  }
}
