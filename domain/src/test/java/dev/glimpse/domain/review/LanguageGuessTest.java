package dev.glimpse.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

  @Test
  void guessesTheLanguagesItKnows() {
    assertThat(LanguageGuess.of("A dog runs on the beach with a ball in its mouth."))
        .hasValue("en");
    assertThat(
            LanguageGuess.of(
                "Ein Hund läuft mit einem Ball im Maul über den Strand und die Wellen."))
        .hasValue("de");
    assertThat(LanguageGuess.of("Un chien court sur la plage avec une balle dans la gueule."))
        .hasValue("fr");
    assertThat(LanguageGuess.of("Un perro corre por la playa con una pelota en la boca y el mar."))
        .hasValue("es");
  }

  @Test
  void doesNotGuessFromTooFewWords() {
    assertThat(LanguageGuess.of("Tabby cat.")).isEmpty();
    assertThat(LanguageGuess.of("")).isEmpty();
  }
}
