package dev.glimpse.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void anIssuedKeyIsReadBackIntoItsIdAndSecret() {
    ApiKeys.Issued issued = ApiKeys.issue(random);

    assertThat(issued.key()).startsWith("glk_").hasSize(63);
    assertThat(ApiKeys.parse(issued.key()))
        .contains(new ApiKeys.Parts(issued.id(), issued.secret()));
  }

  @Test
  void keysDoNotRepeat() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(ApiKeys.issue(random).key());
    }
    assertThat(keys).hasSize(1000);
  }

  @Test
  void anythingElseIsNoKeyOfGlimpses() {
    String key = ApiKeys.issue(random).key();

    assertThat(ApiKeys.parse(null)).isEmpty();
    assertThat(ApiKeys.parse("")).isEmpty();
    assertThat(ApiKeys.parse("system-test-api-key")).isEmpty();
    assertThat(ApiKeys.parse(key.substring(1))).isEmpty();
    assertThat(ApiKeys.parse(key + "A")).isEmpty();
    assertThat(ApiKeys.parse("glx_" + key.substring(4))).isEmpty();
    assertThat(ApiKeys.parse(key.substring(0, 20) + "+" + key.substring(21))).isEmpty();
  }

  @Test
  void neitherFormShowsTheSecretWhenPrinted() {
    ApiKeys.Issued issued = ApiKeys.issue(random);

    assertThat(issued.toString()).contains(issued.id()).doesNotContain(issued.secret());
    assertThat(ApiKeys.parse(issued.key()).orElseThrow().toString())
        .doesNotContain(issued.secret());
  }
}
