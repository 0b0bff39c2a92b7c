package dev.glimpse.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API clients and their keys. For now one client, {@value #BOOTSTRAP}, whose key comes from
 * {@code GLIMPSE_BOOTSTRAP_API_KEY}; without it the API accepts no one.
 */
@ApplicationScoped
public class ApiClientKeys {

  static final String BOOTSTRAP = "bootstrap";

  @Inject
  @ConfigProperty(name = "glimpse.bootstrap-api-key")
  Optional<String> bootstrapKey;

  /** The client that {@code key} belongs to, compared in constant time. */
  public Optional<String> clientFor(String key) {
    if (key == null || bootstrapKey.isEmpty() || bootstrapKey.get().isBlank()) {
      return Optional.empty();
    }
    boolean matches =
        MessageDigest.isEqual(
            key.getBytes(StandardCharsets.UTF_8),
            bootstrapKey.get().getBytes(StandardCharsets.UTF_8));
    return matches ? Optional.of(BOOTSTRAP) : Optional.empty();
  }
}
