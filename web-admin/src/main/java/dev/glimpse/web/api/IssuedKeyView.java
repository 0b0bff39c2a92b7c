package dev.glimpse.web.api;

/**
 * A key just made, shown this once: Glimpse keeps only its hash.
 *
 * @param key the whole key, for {@code Authorization: Bearer}
 * @param keyId the key's public id, by which the admin pages list it
 */
public record IssuedKeyView(ApiClientView client, String key, String keyId) {}
