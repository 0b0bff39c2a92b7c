package dev.glimpse.domain.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * What one API client may do per UTC day, as an admin set it: uploads (images and documents) and
 * model calls for its items; null is no limit.
 */
@Entity
@Table(name = "client_quota")
public class ClientQuota {

  @Id
  @Column(name = "client", length = 200)
  private String client;

  @Column(name = "uploads_per_day")
  private Integer uploadsPerDay;

  @Column(name = "calls_per_day")
  private Integer callsPerDay;

  @Column(name = "changed_by", length = 200, nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ClientQuota() {}

  ClientQuota(String client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  void set(Integer uploadsPerDay, Integer callsPerDay, String by, Instant at) {
    this.uploadsPerDay = uploadsPerDay;
    this.callsPerDay = callsPerDay;
    this.changedBy = by;
    this.changedAt = at;
  }

  public String client() {
    return client;
  }

  public Integer uploadsPerDay() {
    return uploadsPerDay;
  }

  public Integer callsPerDay() {
    return callsPerDay;
  }
}
