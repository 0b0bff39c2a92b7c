package dev.glimpse.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentSummaryPromptTest {

  private final CurrentSummaryPrompt prompt = new CurrentSummaryPrompt();

  @Test
  void beforeAnyAnnouncementEverySummaryIsCurrent() {
    assertThat(prompt.isCurrent("summary-1")).isTrue();
  }

  @Test
  void aSummaryMadeWithAnEarlierPromptIsNotCurrent() {
    prompt.announce("summary-2");

    assertThat(prompt.isCurrent("summary-2")).isTrue();
    assertThat(prompt.isCurrent("summary-1")).isFalse();
  }
}
