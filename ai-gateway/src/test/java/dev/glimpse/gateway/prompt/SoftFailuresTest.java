package dev.glimpse.gateway.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoftFailuresTest {

  @Test
  void recognisesRefusalsAndBlindAnswers() {
    assertThat(SoftFailures.detect("I’m sorry, but I can’t help with identifying people."))
        .isPresent();
    assertThat(SoftFailures.detect("I cannot see the image you attached.")).isPresent();
    assertThat(SoftFailures.detect("As an AI language model, I have no eyes.")).isPresent();
  }

  @Test
  void letsRealDescriptionsPass() {
    assertThat(SoftFailures.detect("A grey tabby cat sits on a wooden floor.")).isEmpty();
    assertThat(SoftFailures.detect(null)).isEmpty();
  }
}
