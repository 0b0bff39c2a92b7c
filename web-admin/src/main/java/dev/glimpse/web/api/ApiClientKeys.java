package dev.glimpse.web.api;

import dev.glimpse.domain.access.ApiCallerIdentity;
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
import org.jboss.logging.Logger;

/**
 * The API clients of the environment, a bootstrap for the clients kept in the database: {@value
 * #BOOTSTRAP}, an admin client whose key comes from {@code GLIMPSE_BOOTSTRAP_API_KEY}, and the
 * normal clients of {@code GLIMPSE_API_CLIENTS} ({@code name:key} pairs, comma-separated). A key
 * shorter than {@value #SHORTEST} characters is refused.
 */
@ApplicationScoped
public class ApiClientKeys {

  static final String BOOTSTRAP = "bootstrap";

  /** The shortest key the environment may give. */
  static final int SHORTEST = 16;

  private static final Logger LOG = Logger.getLogger(ApiClientKeys.class);

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
        .ifPresent(key -> admit(BOOTSTRAP, key, "GLIMPSE_BOOTSTRAP_API_KEY"));
    for (String client : clients.orElse(List.of())) {
      int colon = client.indexOf(':');
      if (colon <= 0 || colon == client.length() - 1) {
        throw new IllegalArgumentException(
            "GLIMPSE_API_CLIENTS takes name:key pairs separated by commas");
      }
      String name = client.substring(0, colon).strip();
      admit(name, client.substring(colon + 1).strip(), "GLIMPSE_API_CLIENTS for " + name);
    }
  }

  private void admit(String name, String key, String source) {
    if (key.length() < SHORTEST) {
      LOG.errorf(
          "The key of %s is shorter than %d characters and is refused; give it a longer one",
          source, SHORTEST);
      return;
    }
    keys.put(name, key.getBytes(StandardCharsets.UTF_8));
  }

  /** The names of the clients that have a key, in the order they are configured. */
  public List<String> clients() {
    return List.copyOf(keys.keySet());
  }

  /** Whether {@code name} is a client of the environment. */
  public boolean has(String name) {
    return keys.containsKey(name);
  }

  /**
   * The client that {@code key} belongs to, every key compared in constant time: the bootstrap
   * client is an admin client, the others normal ones.
   */
  public Optional<ApiCallerIdentity> clientFor(String key) {
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
    return Optional.ofNullable(found)
        .map(name -> new ApiCallerIdentity(name, BOOTSTRAP.equals(name)));
  }
}
