package dev.glimpse.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A system that calls Glimpse's API, as an admin registered it: a normal client sees and changes
 * its own items only; an admin client may also manage the clients. Its keys are {@link
 * ApiClientKey}s. A revoked client is kept, so that its name is never given to another.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "admin", nullable = false)
  private boolean admin;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 200, nullable = false)
  private String createdBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 200)
  private String revokedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ApiClient() {}

  ApiClient(String name, boolean admin, Instant expiresAt, String createdBy, Instant now) {
    this.name = Objects.requireNonNull(name, "name");
    this.admin = admin;
    this.expiresAt = expiresAt;
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = now;
  }

  /** Whether the client may call the API at {@code now}: neither revoked nor expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  void revoke(String by, Instant now) {
    if (revokedAt == null) {
      this.revokedAt = now;
      this.revokedBy = by;
    }
  }

  public String name() {
    return name;
  }

  public boolean admin() {
    return admin;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedBy() {
    return revokedBy;
  }
}
