package dev.glimpse.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the console: a role, a password stored only as its PBKDF2 hash, and
 * whether the account is enabled. A user is disabled rather than deleted, so that the name in an
 * audit trail always means the same person.
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 16, nullable = false)
  private ConsoleRole role;

  @Column(name = "password_hash", length = 512, nullable = false)
  private String passwordHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 200, nullable = false)
  private String createdBy;

  @Column(name = "password_set_at", nullable = false)
  private Instant passwordSetAt;

  @Column(name = "password_set_by", length = 200, nullable = false)
  private String passwordSetBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Column(name = "changed_by", length = 200)
  private String changedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ConsoleUser() {}

  ConsoleUser(String name, ConsoleRole role, String passwordHash, String by, Instant now) {
    this.name = Objects.requireNonNull(name, "name");
    this.role = Objects.requireNonNull(role, "role");
    this.enabled = true;
    this.createdAt = now;
    this.createdBy = by;
    setPassword(passwordHash, by, now);
  }

  void setPassword(String passwordHash, String by, Instant now) {
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.passwordSetAt = now;
    this.passwordSetBy = by;
  }

  void setEnabled(boolean enabled, String by, Instant now) {
    this.enabled = enabled;
    this.changedAt = now;
    this.changedBy = by;
  }

  void setRole(ConsoleRole role, String by, Instant now) {
    this.role = Objects.requireNonNull(role, "role");
    this.changedAt = now;
    this.changedBy = by;
  }

  String passwordHash() {
    return passwordHash;
  }

  public String name() {
    return name;
  }

  public ConsoleRole role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant passwordSetAt() {
    return passwordSetAt;
  }

  public String passwordSetBy() {
    return passwordSetBy;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String changedBy() {
    return changedBy;
  }
}
