package dev.glimpse.gateway.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Asks a vision model for ALT text and labels. Labels are trimmed, de-duplicated without regard to
 * case and bounded in number and length; a description that opens with "The image shows" or "This
 * is an image of" loses that preamble; refusals and descriptions too short to help are soft
 * failures.
 */
public final class AltTextPrompt extends Prompt<AltText> {

  public static final String VERSION = "alt-text-2";
  public static final AltTextPrompt INSTANCE = new AltTextPrompt();

  static final int MAX_LABELS = 12;
  static final int MAX_LABEL_LENGTH = 60;
  static final int MIN_DESCRIPTION_LENGTH = 20;

  private static final Pattern PREAMBLE =
      Pattern.compile(
          "^(?:(?:the|this) (?:image|picture|photo|photograph) (?:shows|depicts|is of|contains)"
              + "|this is an? (?:image|picture|photo|photograph) of)[:,]?\\s+",
          Pattern.CASE_INSENSITIVE);

  private AltTextPrompt() {}

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String schemaName() {
    return "alt_text";
  }

  @Override
  public String instructions(String language) {
    return "You write ALT text for images on websites, for people who use screen readers.\n"
        + "Describe the image in one to three sentences: the subject first, then what matters about"
        + " it (action, setting, colours, any legible text). Be concrete and neutral; do not guess"
        + " identities, and do not begin with \"The image shows\" or \"This is an image of\".\n"
        + "Also give up to "
        + MAX_LABELS
        + " short classification labels (one to three words each).\n"
        + "Write the description and the labels in "
        + languageName(language)
        + ".\n"
        + "Answer with one JSON object only: {\"description\": \"...\", \"labels\": [\"...\"]}";
  }

  /** The user message that carries the image. */
  public String request() {
    return "Write the ALT text for this image.";
  }

  @Override
  public Map<String, Object> schema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", Map.of("type", "string"));
    properties.put("labels", stringArray());
    return objectSchema(properties);
  }

  @Override
  protected AltText read(ObjectNode answer, Set<Repair> repairs) throws InvalidOutputException {
    JsonNode description = answer.get("description");
    if (description == null || !description.isTextual()) {
      throw new InvalidOutputException("the answer has no \"description\" string");
    }
    return new AltText(
        withoutPreamble(description.asText().strip(), repairs),
        labels(answer.get("labels"), repairs));
  }

  @Override
  public Optional<String> softFailure(AltText value) {
    Optional<String> refusal = SoftFailures.detect(value.description());
    if (refusal.isPresent()) {
      return refusal;
    }
    if (value.description().length() < MIN_DESCRIPTION_LENGTH) {
      return Optional.of(
          "the description is too short to help a reader (\"" + value.description() + "\")");
    }
    return Optional.empty();
  }

  private static List<String> labels(JsonNode labels, Set<Repair> repairs)
      throws InvalidOutputException {
    List<String> raw = new ArrayList<>();
    if (labels != null && labels.isTextual()) {
      repairs.add(Repair.LABELS_SPLIT);
      for (String part : labels.asText().split("[,;\\n]")) {
        raw.add(part);
      }
    } else if (labels != null && labels.isArray()) {
      for (JsonNode label : labels) {
        if (!label.isTextual()) {
          throw new InvalidOutputException("every label must be a string, not " + label);
        }
        raw.add(label.asText());
      }
    } else {
      throw new InvalidOutputException("the answer has no \"labels\" array");
    }
    List<String> tidy = new ArrayList<>();
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String label : raw) {
      String text = label.strip();
      if (text.length() > MAX_LABEL_LENGTH) {
        text = text.substring(0, MAX_LABEL_LENGTH).strip();
      }
      if (!text.isEmpty() && seen.add(text) && tidy.size() < MAX_LABELS) {
        tidy.add(text);
      }
    }
    return tidy;
  }

  static String withoutPreamble(String description, Set<Repair> repairs) {
    String stripped = PREAMBLE.matcher(description).replaceFirst("");
    if (stripped.isEmpty() || stripped.equals(description)) {
      return description;
    }
    repairs.add(Repair.PREAMBLE_REMOVED);
    return Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
  }
}
