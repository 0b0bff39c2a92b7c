package dev.glimpse.gateway.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.judge.Concern;
import dev.glimpse.gateway.judge.Judge;
import dev.glimpse.gateway.judge.Refusals;
import dev.glimpse.gateway.text.Openings;
import dev.glimpse.gateway.text.PlainText;
import dev.glimpse.gateway.text.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Asks a vision model for ALT text and labels. The description and the labels become plain text;
 * labels are de-duplicated without regard to case and bounded in number and length; a description
 * loses a redundant opening such as "The image shows". Refusals anywhere, and descriptions too
 * short to help, are soft failures; what else a person must see is judged by {@link Judge}.
 *
 * <p>An operator may run a version of their own ({@link #configured}): other instructions under
 * another version name, so that what each text was made with stays known. The answer's JSON shape
 * is always asked for in the same words, as the parser expects it.
 */
public final class AltTextPrompt extends Prompt<AltText> {

  public static final String VERSION = "alt-text-2";
  public static final AltTextPrompt INSTANCE = new AltTextPrompt(VERSION, null);

  /** Where custom instructions take the name of the output language. */
  public static final String LANGUAGE_PLACEHOLDER = "{language}";

  private static final String ANSWER_FORMAT =
      "Answer with one JSON object only: {\"description\": \"...\", \"labels\": [\"...\"]}";

  static final int MAX_LABELS = 12;
  static final int MAX_LABEL_LENGTH = 60;
  static final int MIN_DESCRIPTION_LENGTH = 20;

  private static final Map<String, Set<String>> ALIASES =
      Map.of(
          "description",
          Set.of("description", "desc", "alttext", "alt", "caption", "imagedescription", "text"),
          "labels",
          Set.of("labels", "label", "tags", "tag", "keywords", "categories", "objects"));

  private static final Pattern LABEL_SEPARATORS = Pattern.compile("[,;\\n]");

  private final String version;
  private final String customInstructions;

  private AltTextPrompt(String version, String customInstructions) {
    this.version = version;
    this.customInstructions = customInstructions;
  }

  /**
   * The prompt of version {@code version}: the built-in instructions, or {@code customInstructions}
   * (where {@value #LANGUAGE_PLACEHOLDER} stands for the output language) when given.
   */
  public static AltTextPrompt configured(String version, String customInstructions) {
    if (VERSION.equals(version) && customInstructions == null) {
      return INSTANCE;
    }
    return new AltTextPrompt(version, customInstructions);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String schemaName() {
    return "alt_text";
  }

  @Override
  public String instructions(String language) {
    if (customInstructions != null) {
      return customInstructions.strip().replace(LANGUAGE_PLACEHOLDER, languageName(language))
          + "\n"
          + ANSWER_FORMAT;
    }
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
        + ANSWER_FORMAT;
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
  protected Map<String, Set<String>> aliases() {
    return ALIASES;
  }

  @Override
  protected AltText read(ObjectNode answer, Set<Repair> repairs, Expectation expectation)
      throws InvalidOutputException {
    String text = plainText(answer, "description", repairs);
    JsonNode labels = field(answer, "labels", repairs);
    if (labels == null) {
      throw new InvalidOutputException("the answer has no \"labels\" array");
    }
    return new AltText(
        Openings.ofDescription(text, expectation.language(), repairs),
        tidy(Items.read(labels, "labels", LABEL_SEPARATORS, repairs), repairs));
  }

  @Override
  public Judged<AltText> judge(AltText value, Set<Repair> repairs, Expectation expectation) {
    String description = value.description();
    Optional<String> refusal =
        Refusals.inField(description)
            .or(
                () ->
                    value.labels().stream()
                        .map(Refusals::inField)
                        .flatMap(Optional::stream)
                        .findFirst());
    if (refusal.isPresent()) {
      return Judged.refused(refusal.get());
    }
    Optional<Concern> unhelpful = Judge.unhelpful(description, expectation.subject());
    if (unhelpful.isEmpty() && description.length() < MIN_DESCRIPTION_LENGTH) {
      return Judged.refused(
          "The description is too short to help a reader (“" + description + "”)");
    }
    List<Concern> concerns = new ArrayList<>();
    unhelpful.ifPresent(concerns::add);
    concerns.addAll(
        Judge.text(description, expectation.language(), expectation.softLimit(), true, repairs));
    if (!Judge.has(concerns, Concern.Code.INSTRUCTIONS)) {
      Judge.instructions(value.labels(), true).ifPresent(concerns::add);
    }
    String finished =
        Judge.has(concerns, Concern.Code.CUT_OFF) ? description : Sentences.ended(description);
    return Judged.answered(new AltText(finished, value.labels()), concerns);
  }

  private static boolean hasWord(String label) {
    return label.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static List<String> tidy(List<String> raw, Set<Repair> repairs) {
    List<String> tidy = new ArrayList<>();
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String label : raw) {
      String text = Sentences.unended(PlainText.of(label, repairs));
      if (text.length() > MAX_LABEL_LENGTH) {
        text = Sentences.truncated(text, MAX_LABEL_LENGTH).strip();
      }
      if (hasWord(text) && seen.add(text) && tidy.size() < MAX_LABELS) {
        tidy.add(text);
      }
    }
    return tidy;
  }
}
