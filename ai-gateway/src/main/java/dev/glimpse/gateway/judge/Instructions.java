package dev.glimpse.gateway.judge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that addresses the system or the reader instead of describing: injected instructions that a
 * vision model read in an image and repeated, or a model talking about itself. Quoted passages are
 * not read: a description may quote what an image says.
 */
final class Instructions {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final List<Pattern> PHRASES =
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
          Pattern.compile("\\bas an ai\\b|\\bas a (?:large )?language model\\b", FLAGS),
          Pattern.compile("\\bsystem (?:prompt|message|instructions?)\\b", FLAGS),
          Pattern.compile("\\byou must\\b|\\byou are now\\b|\\bnew instructions\\b", FLAGS),
          Pattern.compile(
              "\\byou (?:should|will|need to) (?:now )?(?:ignore|output|respond|reply|say|write"
                  + "|answer|describe this as)\\b",
              FLAGS),
          Pattern.compile(
              "\\b(?:respond|reply|answer|output)(?: only)? with (?:the word|only|\")", FLAGS),
          Pattern.compile("\\bdeveloper mode\\b|\\bjailbreak", FLAGS),
          Pattern.compile(
              "(?:^|\\s)(?:system|assistant|user)\\s*:|\\bim_start\\b|\\[/?INST\\]", FLAGS),
          Pattern.compile(
              "\\bignorier\\w* (?:\\w+ ){0,2}anweisungen\\b|\\bignore[rsz]? (?:\\w+ ){0,2}"
                  + "instructions pr[ée]c[ée]dentes\\b|\\bignora (?:\\w+ ){0,2}instrucciones\\b",
              FLAGS));

  private Instructions() {}

  /** The words that address the system or the reader, if {@code text} has them outside quotes. */
  static Optional<String> find(String text) {
    String unquoted = Quotes.outside(text);
    for (Pattern phrase : PHRASES) {
      Matcher matcher = phrase.matcher(unquoted);
      if (matcher.find()) {
        return Optional.of(matcher.group().strip());
      }
    }
    return Optional.empty();
  }
}
