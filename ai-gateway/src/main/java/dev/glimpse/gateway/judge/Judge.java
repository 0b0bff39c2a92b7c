package dev.glimpse.gateway.judge;

import dev.glimpse.gateway.Repair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The judgement of a result's text that a person must see before it is used: each rule that fires
 * gives a {@link Concern} with its code and a sentence naming what it found.
 */
public final class Judge {

  /** A text this many times its soft limit or longer is far over it. */
  static final int FAR_OVER = 2;

  private Judge() {}

  /**
   * Concerns about a text to be published: markup the model wrote, instructions, a loop, a cut-off
   * end, symbols instead of words, a length far over {@code softLimit} (0 for none). A description
   * of an image ({@code describing}) may address no reader either.
   */
  public static List<Concern> text(
      String text, String language, int softLimit, boolean describing, Set<Repair> repairs) {
    List<Concern> concerns = new ArrayList<>();
    if (repairs.contains(Repair.MARKUP_REMOVED)) {
      concerns.add(
          new Concern(
              Concern.Code.MARKUP_REMOVED, "The model wrote HTML or XML markup; it was removed."));
    }
    instructions(List.of(text), describing).ifPresent(concerns::add);
    Optional<String> loop = Degeneracy.repeated(text);
    if (loop.isPresent()) {
      concerns.add(
          new Concern(
              Concern.Code.REPEATED, "The text repeats “" + loop.get() + "” over and over."));
    } else {
      Degeneracy.cutOff(text, language)
          .ifPresent(
              end ->
                  concerns.add(
                      new Concern(
                          Concern.Code.CUT_OFF, "The text stops mid-sentence (“…" + end + "”).")));
    }
    if (Degeneracy.notWords(text)) {
      concerns.add(
          new Concern(
              Concern.Code.NOT_WORDS,
              "Most of the text is not words but digits, symbols or punctuation."));
    }
    if (softLimit > 0 && text.length() > FAR_OVER * softLimit) {
      concerns.add(
          new Concern(
              Concern.Code.FAR_TOO_LONG,
              "The text has "
                  + text.length()
                  + " characters, far over the soft limit of "
                  + softLimit
                  + "."));
    }
    return concerns;
  }

  /** A concern when any of {@code texts} addresses the system or the reader. */
  public static Optional<Concern> instructions(List<String> texts, boolean describing) {
    return texts.stream()
        .map(text -> Instructions.find(text, describing))
        .flatMap(Optional::stream)
        .findFirst()
        .map(
            words ->
                new Concern(
                    Concern.Code.INSTRUCTIONS,
                    "The text addresses the system or the reader (“"
                        + words
                        + (describing
                            ? "”) instead of describing; it may repeat words seen in the image."
                            : "”) instead of summarising; it may repeat words of the document.")));
  }

  /** A concern when {@code description} is only a file name, or says nothing. */
  public static Optional<Concern> unhelpful(String description, String subject) {
    Optional<String> fileName = Unhelpful.fileName(description, subject);
    if (fileName.isPresent()) {
      return Optional.of(
          new Concern(
              Concern.Code.FILENAME,
              "The description is only a file name (“" + fileName.get() + "”)."));
    }
    if (Unhelpful.generic(description)) {
      return Optional.of(
          new Concern(
              Concern.Code.GENERIC,
              "The description says nothing about the image (“" + description.strip() + "”)."));
    }
    return Optional.empty();
  }

  /** Whether {@code concerns} hold one of {@code code}. */
  public static boolean has(List<Concern> concerns, Concern.Code code) {
    return concerns.stream().anyMatch(concern -> concern.code() == code);
  }
}
