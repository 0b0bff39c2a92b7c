package dev.glimpse.gateway.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.glimpse.gateway.Repair;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers written as YAML-like lines instead of JSON: {@code description: …} and {@code labels:}
 * with a list, perhaps in a {@code ```yaml} fence or with Markdown-bold keys ({@code
 * **Description:** …}). They are read as YAML only when they parse unambiguously into a mapping
 * whose every key looks like a field name; anything else is no object.
 */
final class LooseFormat {

  /** Reads "No" and "on" as words, not as booleans, whatever YAML 1.1 says. */
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

  /** A line that starts a field: a short key of words, then a colon. */
  private static final Pattern KEY_LINE =
      Pattern.compile("(?m)^([ \\t]*)[*_]{0,2}([A-Za-z][A-Za-z0-9_ -]{0,30})[*_]{0,2}:[*_]{0,2}");

  private static final Pattern FENCE =
      Pattern.compile("```(?:ya?ml)?[ \\t]*\\n(.*?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,30}");

  private LooseFormat() {}

  static Optional<SalvagedJson> read(String answer) {
    Matcher fence = FENCE.matcher(answer);
    boolean fenced = fence.find();
    String text = fenced ? fence.group(1) : answer;
    Matcher keys = KEY_LINE.matcher(text);
    if (!keys.find()) {
      return Optional.empty();
    }
    String plainKeys = keys.replaceAll("$1$2:");
    try {
      JsonNode node = YAML.readTree(plainKeys);
      if (!(node instanceof ObjectNode object) || object.isEmpty() || !fieldNamesOnly(object)) {
        return Optional.empty();
      }
      Set<Repair> repairs =
          fenced
              ? Set.of(Repair.LOOSE_FORMAT, Repair.FENCES_STRIPPED)
              : Set.of(Repair.LOOSE_FORMAT);
      return Optional.of(new SalvagedJson(scalarsAsText(object), repairs));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code node} with every number and boolean read as the text it was written as. */
  private static ObjectNode scalarsAsText(ObjectNode node) {
    node.properties().forEach(field -> field.setValue(asText(field.getValue())));
    return node;
  }

  private static JsonNode asText(JsonNode value) {
    if (value instanceof ObjectNode object) {
      return scalarsAsText(object);
    }
    if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, asText(array.get(i)));
      }
      return array;
    }
    return value.isNumber() || value.isBoolean() ? TextNode.valueOf(value.asText()) : value;
  }

  private static boolean fieldNamesOnly(ObjectNode object) {
    for (var names = object.fieldNames(); names.hasNext(); ) {
      if (!FIELD_NAME.matcher(names.next()).matches()) {
        return false;
      }
    }
    return true;
  }
}
