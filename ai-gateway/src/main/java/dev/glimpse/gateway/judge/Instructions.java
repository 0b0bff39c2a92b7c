package dev.glimpse.gateway.judge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that addresses the system or the reader instead of describing: injected instructions that a
 * vision model read in an image or a text model read in a document, and repeated. Quoted passages
 * are not read: a description may quote what an image says.
 */
final class Instructions {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Words that address the system in any result. */
  private static final List<Pattern> TO_THE_SYSTEM =
      List.of(
          Pattern.compile(
              "\\b(?:ignore|disregard|forget|override)\\b(?:\\s+\\w+){0,3}?\\s+"
                  + "(?:instructions|prompts?|rules|directions|guidelines)\\b",
              FLAGS),
          Pattern.compile(
              "\\b(?:mark|flag|set|label|tag|classify)\\s+(?:this|it|the \\w+)\\s+as\\s+"
                  + "(?:approved|safe|reviewed|verified|complete|completed|appropriate)\\b",
              FLAGS),
          Pattern.compile(
              "\\b(?:approve|publish|accept) (?:this|it)(?: \\w+)? (?:immediately|now|without)\\b",
              FLAGS),
          Pattern.compile("\\bnew instructions\\b|\\byou are now\\b", FLAGS),
          Pattern.compile(
              "\\byou (?:should|will|need to) (?:now )?(?:ignore|output|respond|reply|say"
                  + "|answer|describe this as)\\b",
              FLAGS),
          Pattern.compile(
              "\\b(?:respond|reply|answer|output)(?: only)? with (?:the word|only)\\b", FLAGS),
          Pattern.compile(
              "(?:^|[.!?]\\s+)(?:system|assistant|user)\\s*:|\\bim_start\\b|\\[/?INST\\]", FLAGS),
          Pattern.compile(
              "\\bignorier\\w* (?:\\w+ ){0,2}anweisungen\\b"
                  + "|\\bignore[rsz]? (?:\\w+ ){0,2}instructions pr[ée]c[ée]dentes\\b"
                  + "|\\bignora (?:\\w+ ){0,2}(?:instrucciones|istruzioni)\\b"
                  + "|\\bnegeer (?:\\w+ ){0,2}instructies\\b"
                  + "|\\bignore (?:\\w+ ){0,2}instruções\\b",
              FLAGS));

  /**
   * Words that address the reader, which no description of an image says but a summary may ("to end
   * the lease you must give notice").
   */
  private static final List<Pattern> TO_THE_READER =
      List.of(Pattern.compile("\\byou must\\b|\\bsystem prompt\\b", FLAGS));

  private Instructions() {}

  /**
   * The words that address the system or the reader, if {@code text} has them outside quotes; a
   * description of an image ({@code describing}) may address no reader either.
   */
  static Optional<String> find(String text, boolean describing) {
    String unquoted = Quotes.outside(text);
    Optional<String> found = first(TO_THE_SYSTEM, unquoted);
    return found.isPresent() || !describing ? found : first(TO_THE_READER, unquoted);
  }

  private static Optional<String> first(List<Pattern> phrases, String text) {
    for (Pattern phrase : phrases) {
      Matcher matcher = phrase.matcher(text);
      if (matcher.find()) {
        return Optional.of(matcher.group().replaceFirst("^[.!?\\s]+", "").strip());
      }
    }
    return Optional.empty();
  }
}
