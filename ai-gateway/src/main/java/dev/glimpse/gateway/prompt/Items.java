package dev.glimpse.gateway.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glimpse.gateway.Repair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a list of short texts (labels, key points) in whatever shape a model gave it: a list of
 * strings, of objects ({@code [{"name": …}]}, {@code [{"label": …, "score": …}]}), of lists; a map
 * of label to score, best first; or one string to split.
 */
final class Items {

  /** The keys whose value names an item inside an object. */
  private static final Set<String> NAME_KEYS =
      Set.of(
          "name",
          "label",
          "tag",
          "text",
          "value",
          "keyword",
          "category",
          "term",
          "class",
          "object",
          "point",
          "keypoint",
          "title");

  private static final int MAX_DEPTH = 3;

  private Items() {}

  /**
   * The items of {@code node}; a string is split where {@code separators} match.
   *
   * @throws InvalidOutputException when the node holds numbers or other non-texts as items
   */
  static List<String> read(JsonNode node, String name, Pattern separators, Set<Repair> repairs)
      throws InvalidOutputException {
    List<String> items = new ArrayList<>();
    if (node.isTextual()) {
      repairs.add(Repair.LABELS_SPLIT);
      items.addAll(List.of(separators.split(node.asText())));
    } else if (node.isArray()) {
      collect(node, name, items, repairs, 0);
    } else if (node.isObject()) {
      repairs.add(Repair.LABELS_RESHAPED);
      items.addAll(fromObject(node, name));
    } else {
      throw new InvalidOutputException("\"" + name + "\" must be an array of strings, not " + node);
    }
    return items;
  }

  private static void collect(
      JsonNode array, String name, List<String> items, Set<Repair> repairs, int depth)
      throws InvalidOutputException {
    for (JsonNode item : array) {
      if (item.isTextual()) {
        items.add(item.asText());
      } else if (item.isArray() && depth < MAX_DEPTH) {
        repairs.add(Repair.LABELS_RESHAPED);
        collect(item, name, items, repairs, depth + 1);
      } else if (item.isObject()) {
        repairs.add(Repair.LABELS_RESHAPED);
        items.add(named(item, name));
      } else {
        throw new InvalidOutputException(
            "every item of \"" + name + "\" must be a string, not " + item);
      }
    }
  }

  /** The text an object names an item by: its "name", "label", "tag"… or its only text. */
  private static String named(JsonNode object, String name) throws InvalidOutputException {
    Optional<String> named = nameField(object);
    if (named.isPresent()) {
      return named.get();
    }
    List<String> texts = new ArrayList<>();
    object.forEach(value -> texts.add(value.isTextual() ? value.asText() : null));
    texts.removeIf(Objects::isNull);
    if (texts.size() == 1) {
      return texts.get(0);
    }
    throw new InvalidOutputException("an item of \"" + name + "\" has no name: " + object);
  }

  /** The text of the field that names {@code object}: its "name", "label", "tag"…, if any. */
  private static Optional<String> nameField(JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isTextual()
          && NAME_KEYS.contains(AnswerFields.normalized(field.getKey()))) {
        return Optional.of(field.getValue().asText());
      }
    }
    return Optional.empty();
  }

  /**
   * One object that names a single item ({@code {"label": "dog", "score": 0.9}}); a map of item to
   * score, best first; or a map of texts ({@code {"primary": "dog"}}), its values.
   */
  private static List<String> fromObject(JsonNode object, String name)
      throws InvalidOutputException {
    Optional<String> named = nameField(object);
    if (named.isPresent()) {
      return List.of(named.get());
    }
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
    entries.removeIf(entry -> !entry.getValue().isNumber());
    if (entries.isEmpty()) {
      List<String> values = new ArrayList<>();
      object.forEach(value -> values.add(value.isTextual() ? value.asText() : ""));
      values.removeIf(String::isBlank);
      if (values.isEmpty()) {
        throw new InvalidOutputException("\"" + name + "\" holds no items: " + object);
      }
      return values;
    }
    entries.sort(
        Comparator.comparingDouble((Map.Entry<String, JsonNode> e) -> e.getValue().asDouble())
            .reversed());
    return entries.stream().map(Map.Entry::getKey).toList();
  }
}
