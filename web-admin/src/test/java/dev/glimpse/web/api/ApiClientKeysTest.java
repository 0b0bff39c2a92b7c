package dev.glimpse.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.access.ApiCallerIdentity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiClientKeysTest {

  @Test
  void theBootstrapClientIsAnAdminAndTheOthersAreNormalClients() {
    ApiClientKeys keys =
        keys("bootstrap-key-0123456789", List.of("archive:archive-key-0123456789"));

    assertThat(keys.clientFor("bootstrap-key-0123456789"))
        .contains(new ApiCallerIdentity("bootstrap", true));
    assertThat(keys.clientFor("archive-key-0123456789"))
        .contains(new ApiCallerIdentity("archive", false));
    assertThat(keys.clientFor("archive-key-012345678")).isEmpty();
    assertThat(keys.clientFor(null)).isEmpty();
    assertThat(keys.clients()).containsExactly("bootstrap", "archive");
  }

  @Test
  void aKeyShorterThanSixteenCharactersIsRefused() {
    String fifteen = "k".repeat(15);
    String sixteen = "k".repeat(16);
    ApiClientKeys keys = keys("dev-key", List.of("short:" + fifteen, "long:" + sixteen));

    assertThat(keys.clientFor("dev-key")).isEmpty();
    assertThat(keys.clientFor(fifteen)).isEmpty();
    assertThat(keys.clientFor(sixteen)).contains(new ApiCallerIdentity("long", false));
    assertThat(keys.clients()).containsExactly("long");
    assertThat(keys.has("bootstrap")).isFalse();
  }

  @Test
  void aPairWithoutNameOrKeyIsAConfigurationError() {
    assertThatThrownBy(() -> keys(null, List.of("no-colon-here-at-all")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name:key");
  }

  private static ApiClientKeys keys(String bootstrap, List<String> clients) {
    ApiClientKeys keys = new ApiClientKeys();
    keys.bootstrapKey = Optional.ofNullable(bootstrap);
    keys.clients = Optional.of(clients);
    keys.read();
    return keys;
  }
}
