package dev.glimpse.gateway.judge;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Descriptions that help no reader: a file or camera name, or a word such as "image". */
final class Unhelpful {

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "^[\\p{L}\\p{N}_\\-. ()\\[\\]~:/\\\\]{1,240}\\."
              + "(?:jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg|avif|raw|cr2|nef|dng)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CAMERA_NAME =
      Pattern.compile(
          "^(?:img|dsc|dscn|dscf|dsc_|pxl|mvimg|gopr|gx|dji|sam|wp|vid|photo|image|screenshot"
              + "|scan|whatsapp image)[ _-]?\\d[\\p{N}_\\-.:]*(?: at [\\p{N}.:]+)?"
              + "(?:\\.(?:jpe?g|png|heic|gif|webp))?$",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> GENERIC =
      Set.of(
          "image",
          "picture",
          "photo",
          "photograph",
          "img",
          "pic",
          "graphic",
          "illustration",
          "screenshot",
          "untitled",
          "untitled image",
          "no description",
          "description",
          "image description",
          "alt text",
          "alt",
          "n a",
          "na",
          "none",
          "null",
          "placeholder",
          "empty",
          "unknown",
          "no alt text",
          "bild",
          "foto",
          "imagen",
          "immagine",
          "afbeelding",
          "imagem",
          "sans titre",
          "ohne titel",
          "sin titulo",
          "sin título",
          "image sans titre");

  private static final String QUOTES = "\"'“”‘’";

  private Unhelpful() {}

  /** The file name {@code description} is, if it is only one (or the item's own name). */
  static Optional<String> fileName(String description, String subject) {
    String text = bare(description);
    boolean named =
        FILE_NAME.matcher(text).matches()
            || CAMERA_NAME.matcher(text).matches()
            || (subject != null && sameName(text, subject));
    return named ? Optional.of(text) : Optional.empty();
  }

  /** Whether {@code description} says nothing beyond "image", "photo", "untitled". */
  static boolean generic(String description) {
    String words =
        bare(description)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} ]", " ")
            .replaceAll("^(?:an?|the) ", "")
            .replaceAll("\\s+", " ")
            .strip();
    return words.isEmpty() || GENERIC.contains(words);
  }

  private static boolean sameName(String text, String subject) {
    String name = subject.strip();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base.length() >= 3 && (text.equalsIgnoreCase(name) || text.equalsIgnoreCase(base));
  }

  /** {@code description} without quotation marks around it and full stops after it. */
  private static String bare(String description) {
    String text = description.strip();
    int start = 0;
    int end = text.length();
    while (start < end && QUOTES.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start
        && (QUOTES.indexOf(text.charAt(end - 1)) >= 0 || text.charAt(end - 1) == '.')) {
      end--;
    }
    return text.substring(start, end).strip();
  }
}
