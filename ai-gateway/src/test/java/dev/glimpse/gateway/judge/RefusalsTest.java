package dev.glimpse.gateway.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalsTest {

  @Test
  void recognisesRefusalsAndBlindAnswers() {
    assertThat(Refusals.detect("I’m sorry, but I can’t help with identifying people."))
        .hasValue("The model did not do the task (it said “I'm sorry…”).");
    assertThat(Refusals.detect("I cannot see the image you attached.")).isPresent();
    assertThat(Refusals.detect("As an AI language model, I have no eyes.")).isPresent();
    assertThat(Refusals.detect("Es tut mir leid, ich kann das Bild nicht sehen.")).isPresent();
  }

  @Test
  void letsRealDescriptionsPass() {
    assertThat(Refusals.detect("A grey tabby cat sits on a wooden floor.")).isEmpty();
    assertThat(Refusals.detect(null)).isEmpty();
  }

  @Test
  void aQuotedSignIsNotARefusal() {
    assertThat(Refusals.inField("A shop door with a sign that reads “I'm sorry, we're closed”."))
        .isEmpty();
    assertThat(Refusals.inField("I'm sorry, I can't describe this image.")).isPresent();
  }
}
