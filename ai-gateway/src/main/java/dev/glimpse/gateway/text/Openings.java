package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes openings that tell a screen-reader user what they already know ("The image shows", "Image
 * of", "Photo showing"), in English and in the language asked for where it is known, and the
 * "Summary:" labels models put before a summary.
 */
public final class Openings {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern ENGLISH =
      Pattern.compile(
          "^(?:(?:the|this) (?:image|picture|photo|photograph|illustration|screenshot)"
              + " (?:shows|depicts|is of|contains|features|displays|captures|presents)"
              + "|(?:this|it) is an? (?:image|picture|photo|photograph) (?:of|showing)"
              + "|(?:here is |here's )?an? (?:image|picture|photo|photograph|illustration)"
              + " (?:of|showing|depicting|that shows)"
              + "|(?:image|picture|photo|photograph) (?:of|showing|depicting)"
              + "|in (?:this|the) (?:image|picture|photo|photograph)"
              + "(?:,? (?:we see|you can see|there is|there are))?)"
              + "[:,]?\\s+",
          FLAGS);

  private static final Map<String, Pattern> BY_LANGUAGE =
      Map.of(
          "de",
          Pattern.compile(
              "^(?:(?:das|dieses) (?:bild|foto) zeigt|(?:ein|das) (?:bild|foto) (?:von|mit)"
                  + "|auf (?:dem|diesem) (?:bild|foto) (?:ist|sind|sieht man))[:,]?\\s+",
              FLAGS),
          "fr",
          Pattern.compile(
              "^(?:(?:l'image|cette image|la photo|cette photo) (?:montre|représente)"
                  + "|(?:une|la) (?:image|photo) (?:de|d'|montrant))[:,]?\\s*",
              FLAGS),
          "es",
          Pattern.compile(
              "^(?:(?:la|esta) (?:imagen|foto) muestra|(?:una|la) (?:imagen|foto) de)[:,]?\\s+",
              FLAGS),
          "it",
          Pattern.compile(
              "^(?:(?:l'immagine|questa immagine|la foto) mostra|(?:un'immagine|una foto) di)"
                  + "[:,]?\\s*",
              FLAGS),
          "nl",
          Pattern.compile(
              "^(?:(?:de|deze) (?:afbeelding|foto) toont|een (?:afbeelding|foto) van)[:,]?\\s+",
              FLAGS),
          "pt",
          Pattern.compile(
              "^(?:(?:a|esta) (?:imagem|foto) mostra|uma (?:imagem|foto) de)[:,]?\\s+", FLAGS));

  private static final Pattern SUMMARY_LABEL =
      Pattern.compile(
          "^(?:(?:here is|here's) (?:a |the )?summary(?: of (?:the|this) document)?"
              + "|summary|tl;?dr)\\s*[:\\-–]\\s*",
          FLAGS);

  private Openings() {}

  /** {@code description} without a redundant opening in English or {@code language}. */
  public static String ofDescription(String description, String language, Set<Repair> repairs) {
    String text = without(ENGLISH, description, repairs);
    Pattern local = BY_LANGUAGE.get(Languages.primary(language));
    return local == null ? text : without(local, text, repairs);
  }

  /** {@code summary} without a "Summary:" label. */
  public static String ofSummary(String summary, Set<Repair> repairs) {
    return without(SUMMARY_LABEL, summary, repairs);
  }

  private static String without(Pattern opening, String text, Set<Repair> repairs) {
    Matcher matcher = opening.matcher(text.replace('’', '\''));
    if (!matcher.find() || matcher.end() >= text.length()) {
      return text;
    }
    String rest = text.substring(matcher.end()).strip();
    if (rest.length() < 3) {
      return text;
    }
    repairs.add(Repair.PREAMBLE_REMOVED);
    return rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
  }
}
