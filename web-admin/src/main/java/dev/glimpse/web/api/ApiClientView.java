package dev.glimpse.web.api;

import dev.glimpse.domain.access.ApiClient;
import dev.glimpse.domain.access.ApiClientKey;
import dev.glimpse.domain.quota.ClientQuota;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API client as the admin pages show it, never with a key's secret.
 *
 * @param source {@code environment} for the clients of GLIMPSE_BOOTSTRAP_API_KEY and
 *     GLIMPSE_API_CLIENTS, {@code registered} for those an admin registered
 * @param status {@code active}, {@code expired} or {@code revoked}
 * @param keys the registered client's keys, newest first
 * @param quota its daily quotas, as an admin set them on the Settings page; null when none is set
 */
public record ApiClientView(
    String name,
    boolean admin,
    String source,
    String status,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    String revokedBy,
    List<KeyView> keys,
    QuotaView quota) {

  /** A key by its public id, and when it stops working, if it does. */
  public record KeyView(String id, Instant createdAt, Instant retiresAt) {}

  /** Daily quotas; null is no limit. */
  public record QuotaView(Integer uploadsPerDay, Integer callsPerDay) {

    static QuotaView of(Optional<ClientQuota> quota) {
      return quota.map(q -> new QuotaView(q.uploadsPerDay(), q.callsPerDay())).orElse(null);
    }
  }

  static ApiClientView ofEnvironment(String name, boolean admin, Optional<ClientQuota> quota) {
    return new ApiClientView(
        name,
        admin,
        "environment",
        "active",
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        QuotaView.of(quota));
  }

  static ApiClientView of(
      ApiClient client, List<ApiClientKey> keys, Optional<ClientQuota> quota, Instant now) {
    String status =
        client.revokedAt() != null ? "revoked" : client.activeAt(now) ? "active" : "expired";
    return new ApiClientView(
        client.name(),
        client.admin(),
        "registered",
        status,
        client.createdAt(),
        client.createdBy(),
        client.expiresAt(),
        client.lastUsedAt(),
        client.revokedAt(),
        client.revokedBy(),
        keys.stream().map(key -> new KeyView(key.id(), key.createdAt(), key.retiresAt())).toList(),
        QuotaView.of(quota));
  }

  /** Whether the client can call the API now. */
  public boolean active() {
    return "active".equals(status);
  }
}
