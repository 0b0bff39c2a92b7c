package dev.glimpse.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.web.console.WordChanges.Piece;
import org.junit.jupiter.api.Test;

/** Two texts compared word by word, as the image page shows an old and a new description. */
class WordChangesTest {

  @Test
  void marksTheWordsOnlyOneSideHasAndKeepsTheRestAsItIs() {
    WordChanges changes =
        WordChanges.between(
            "A grey tabby cat sits on a wooden floor.", "A tabby cat sits on a stone floor.");

    assertThat(changes.before())
        .containsExactly(
            new Piece("A ", false),
            new Piece("grey", true),
            new Piece(" tabby cat sits on a ", false),
            new Piece("wooden", true),
            new Piece(" floor.", false));
    assertThat(changes.after())
        .containsExactly(
            new Piece("A tabby cat sits on a ", false),
            new Piece("stone", true),
            new Piece(" floor.", false));
  }

  @Test
  void neighbouringChangedWordsAreOnePieceAndTheTextsReadAsBefore() {
    WordChanges changes = WordChanges.between("A cat on a mat.", "A small brown dog on a mat.");

    assertThat(changes.after()).contains(new Piece("small brown dog", true));
    assertThat(String.join("", changes.after().stream().map(Piece::text).toList()))
        .isEqualTo("A small brown dog on a mat.");
    assertThat(WordChanges.between("Same text.", "Same text.").after())
        .containsExactly(new Piece("Same text.", false));
  }
}
