package dev.glimpse.gateway.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.json.JsonSalvage;
import dev.glimpse.gateway.json.SalvagedJson;
import dev.glimpse.gateway.text.Sentences;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an answer's fields however the model named and nested them: {@code Description}, {@code
 * alt_text} or {@code altText} for {@code description}; inside {@code {"result": …}}, {@code
 * {"data": {"output": …}}}, a one-field wrapper, or a wrapper that holds the object as a JSON
 * string.
 */
final class AnswerFields {

  /** Wrapper names opened even beside other fields. */
  private static final Set<String> WRAPPERS =
      Set.of("result", "data", "output", "response", "answer");

  /** How deep wrappers are opened. */
  private static final int MAX_DEPTH = 4;

  private AnswerFields() {}

  /**
   * The object that holds the fields named by {@code aliases}' keys: {@code answer} itself, or an
   * object nested in wrappers; {@code answer} when none is found.
   */
  static ObjectNode holder(
      ObjectNode answer, Map<String, Set<String>> aliases, Set<Repair> repairs) {
    return find(answer, aliases, repairs, 0).orElse(answer);
  }

  /** The field {@code name}, or the first of its aliases present, in any case and spelling. */
  static JsonNode field(ObjectNode holder, String name, Set<String> aliases, Set<Repair> repairs) {
    JsonNode exact = holder.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = holder.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (aliases.contains(normalized(field.getKey()))) {
        repairs.add(Repair.KEYS_RENAMED);
        return field.getValue();
      }
    }
    return null;
  }

  /**
   * The text of a field: a string, or a list of sentences joined into one paragraph.
   *
   * @throws InvalidOutputException when the field is missing or neither
   */
  static String text(JsonNode field, String name, Set<Repair> repairs)
      throws InvalidOutputException {
    if (field != null && field.isTextual()) {
      return field.asText();
    }
    if (field != null && field.isArray() && !field.isEmpty()) {
      List<String> sentences = new ArrayList<>();
      for (JsonNode sentence : field) {
        if (!sentence.isTextual()) {
          throw new InvalidOutputException("\"" + name + "\" must be a string, not " + field);
        }
        if (!sentence.asText().isBlank()) {
          sentences.add(Sentences.ended(sentence.asText()));
        }
      }
      repairs.add(Repair.SENTENCES_JOINED);
      return String.join(" ", sentences);
    }
    throw new InvalidOutputException("the answer has no \"" + name + "\" string");
  }

  /** A key as aliases are written: lower case, letters and digits only. */
  static String normalized(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static Optional<ObjectNode> find(
      ObjectNode object, Map<String, Set<String>> aliases, Set<Repair> repairs, int depth) {
    if (holds(object, aliases)) {
      return Optional.of(object);
    }
    if (depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (object.size() != 1 && !WRAPPERS.contains(normalized(field.getKey()))) {
        continue;
      }
      Optional<ObjectNode> inner = opened(field.getValue(), repairs);
      if (inner.isPresent()) {
        Optional<ObjectNode> found = find(inner.get(), aliases, repairs, depth + 1);
        if (found.isPresent()) {
          repairs.add(Repair.UNWRAPPED);
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** What a wrapper holds: an object, the first object of a list, or an object in a string. */
  private static Optional<ObjectNode> opened(JsonNode value, Set<Repair> repairs) {
    if (value instanceof ObjectNode object) {
      return Optional.of(object);
    }
    if (value.isArray() && !value.isEmpty() && value.get(0) instanceof ObjectNode first) {
      return Optional.of(first);
    }
    if (value.isTextual() && value.asText().contains("{")) {
      Optional<SalvagedJson> inner = JsonSalvage.extract(value.asText());
      if (inner.isPresent()) {
        repairs.add(Repair.DOUBLE_ENCODED);
        repairs.addAll(inner.get().repairs());
        return Optional.of(inner.get().object());
      }
    }
    return Optional.empty();
  }

  private static boolean holds(ObjectNode object, Map<String, Set<String>> aliases) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = normalized(names.next());
      if (aliases.values().stream().anyMatch(keys -> keys.contains(name))) {
        return true;
      }
    }
    return false;
  }
}
