package dev.glimpse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void removesTheConfiguredKeyAndKeyShapedText() {
    String text = "Incorrect API key provided: sk-abc***xyz. Your key my-own-secret-1234 is bad.";

    String redacted = Secrets.redact(text, "my-own-secret-1234");

    assertThat(redacted).doesNotContain("sk-abc").doesNotContain("my-own-secret-1234");
    assertThat(redacted).contains("Incorrect API key provided: [redacted]");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(Secrets.redact("A risk-free task", null)).isEqualTo("A risk-free task");
    assertThat(Secrets.redact(null, "key")).isNull();
  }
}
