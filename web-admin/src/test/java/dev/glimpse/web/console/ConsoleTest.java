package dev.glimpse.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTest {

  @Test
  void aReasonReadsAsASentence() {
    assertThat(Console.sentence("a password has 12 characters at least"))
        .isEqualTo("A password has 12 characters at least.");
    assertThat(Console.sentence("Make a dry run first.")).isEqualTo("Make a dry run first.");
    assertThat(Console.sentence("  is it?  ")).isEqualTo("Is it?");
    assertThat(Console.sentence(null)).isEqualTo("That did not work.");
  }
}
