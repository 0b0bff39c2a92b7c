package dev.glimpse.gateway.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.text.PlainText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A prompt as code: its instructions, its version, the JSON schema of its answer and the validation
 * that turns an answer into a {@code T}. A new wording is a new {@link #version()}; the version is
 * stored with every result, so changing a prompt re-generates exactly what it affects.
 *
 * @param <T> the typed answer
 */
public abstract class Prompt<T> {

  /** Identifies the wording; part of every cache key and input hash. */
  public abstract String version();

  /** A short name of the answer's schema (sent to providers that want one). */
  public abstract String schemaName();

  /** The system instructions, asking for the answer in {@code language} (a BCP 47 tag). */
  public abstract String instructions(String language);

  /** The JSON schema of the answer. */
  public abstract Map<String, Object> schema();

  /**
   * Validates and tidies an answer into a {@code T}, adding to {@code repairs} what it had to mend:
   * texts are plain text already, but not yet ended as sentences.
   *
   * @param answer the object that holds the answer's fields, unwrapped already
   * @throws InvalidOutputException with a reason the model can be told, when the answer does not
   *     fit
   */
  protected abstract T read(ObjectNode answer, Set<Repair> repairs, Expectation expectation)
      throws InvalidOutputException;

  /**
   * Judges a read answer: a refusal or a result too poor to keep, or the finished result with what
   * a person must see about it.
   *
   * @param repairs what reading the answer had to mend
   */
  public abstract Judged<T> judge(T value, Set<Repair> repairs, Expectation expectation);

  /** The answer's fields by their names and the aliases models use for them. */
  protected abstract Map<String, Set<String>> aliases();

  /** Reads {@code answer}, first finding its fields inside wrappers such as {"response": {…}}. */
  public final T parse(ObjectNode answer, Set<Repair> repairs, Expectation expectation)
      throws InvalidOutputException {
    return read(AnswerFields.holder(answer, aliases(), repairs), repairs, expectation);
  }

  /**
   * The plain text of the field {@code name} of {@code answer}: a string, or sentences joined.
   *
   * @throws InvalidOutputException when the field is missing, not text, or empty once plain
   */
  protected String plainText(ObjectNode answer, String name, Set<Repair> repairs)
      throws InvalidOutputException {
    String text =
        PlainText.of(AnswerFields.text(field(answer, name, repairs), name, repairs), repairs);
    if (text.isEmpty()) {
      throw new InvalidOutputException("the \"" + name + "\" is empty");
    }
    return text;
  }

  /** The field {@code name} of {@code answer}, found by its aliases too, or null. */
  protected JsonNode field(ObjectNode answer, String name, Set<Repair> repairs) {
    return AnswerFields.field(answer, name, aliases().getOrDefault(name, Set.of()), repairs);
  }

  /**
   * The schema of an answer object with these properties, all required and no others: the shape
   * OpenAI's strict structured outputs demand.
   */
  protected static Map<String, Object> objectSchema(Map<String, Object> properties) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.copyOf(properties.keySet()));
    schema.put("additionalProperties", false);
    return schema;
  }

  /** A JSON-schema array of strings. */
  protected static Map<String, Object> stringArray() {
    return Map.of("type", "array", "items", Map.of("type", "string"));
  }

  /** The language's English name for instructions, or the tag itself when Java does not know it. */
  protected static String languageName(String language) {
    String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? language : name;
  }
}
