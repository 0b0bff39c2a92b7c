package dev.glimpse.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One key of an {@link ApiClient}: its public id, and its secret's salt and hash, never the secret.
 * A key retires at a set time: when its client is revoked at once, when it is rotated after a grace
 * period in which the old key and the new one both work.
 */
@Entity
@Table(
    name = "api_client_key",
    indexes = @Index(name = "ix_api_client_key_client", columnList = "client"))
public class ApiClientKey {

  @Id
  @Column(name = "id", length = 16)
  private String id;

  @Column(name = "client", length = 64, nullable = false)
  private String client;

  @Column(name = "salt", length = 32, nullable = false)
  private String salt;

  @Column(name = "hash", length = 64, nullable = false)
  private String hash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "retires_at")
  private Instant retiresAt;

  protected ApiClientKey() {}

  ApiClientKey(String id, String client, String salt, String hash, Instant now) {
    this.id = Objects.requireNonNull(id, "id");
    this.client = Objects.requireNonNull(client, "client");
    this.salt = Objects.requireNonNull(salt, "salt");
    this.hash = Objects.requireNonNull(hash, "hash");
    this.createdAt = now;
  }

  /** Whether this key still works at {@code now}. */
  boolean workingAt(Instant now) {
    return retiresAt == null || now.isBefore(retiresAt);
  }

  /** Stops this key at {@code at}, unless it stops sooner already. */
  void retireAt(Instant at) {
    if (retiresAt == null || at.isBefore(retiresAt)) {
      this.retiresAt = at;
    }
  }

  boolean matches(KeyHasher hasher, String secret) {
    return hasher.matches(salt, hash, secret);
  }

  public String id() {
    return id;
  }

  public String client() {
    return client;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant retiresAt() {
    return retiresAt;
  }
}
