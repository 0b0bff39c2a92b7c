package dev.glimpse.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API clients and their keys: {@value #BOOTSTRAP}, whose key comes from {@code
 * GLIMPSE_BOOTSTRAP_API_KEY}, and those of {@code GLIMPSE_API_CLIENTS} ({@code name:key} pairs,
 * comma-separated). Without any, the API accepts no one.
 */
@ApplicationScoped
public class ApiClientKeys {

  static final String BOOTSTRAP = "bootstrap";

  @Inject
  @ConfigProperty(name = "glimpse.bootstrap-api-key")
  Optional<String> bootstrapKey;

  @Inject
  @ConfigProperty(name = "glimpse.api-clients")
  Optional<List<String>> clients;

  private final Map<String, byte[]> keys = new LinkedHashMap<>();

  @PostConstruct
  void read() {
    bootstrapKey
        .filter(key -> !key.isBlank())
        .ifPresent(key -> keys.put(BOOTSTRAP, key.getBytes(StandardCharsets.UTF_8)));
    for (String client : clients.orElse(List.of())) {
      int colon = client.indexOf(':');
      if (colon <= 0 || colon == client.length() - 1) {
        throw new IllegalArgumentException(
            "GLIMPSE_API_CLIENTS takes name:key pairs separated by commas");
      }
      keys.put(
          client.substring(0, colon).strip(),
          client.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The names of the clients that have a key, in the order they are configured. */
  public List<String> clients() {
    return List.copyOf(keys.keySet());
  }

  /** The client that {@code key} belongs to, every key compared in constant time. */
  public Optional<String> clientFor(String key) {
    if (key == null) {
      return Optional.empty();
    }
    byte[] offered = key.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> client : keys.entrySet()) {
      if (MessageDigest.isEqual(offered, client.getValue()) && found == null) {
        found = client.getKey();
      }
    }
    return Optional.ofNullable(found);
  }
}
