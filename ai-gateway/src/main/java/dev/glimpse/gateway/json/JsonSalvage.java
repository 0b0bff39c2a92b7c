package dev.glimpse.gateway.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's answer, however it is wrapped: {@code <think>} blocks,
 * Markdown code fences, a preamble or trailing chatter, a JSON string that holds the object, or an
 * object escaped inside a fence; then reads the first balanced object strictly, or leniently
 * (trailing commas, smart or single quotes, JSON5) when it must. An answer with no JSON object may
 * still be YAML-like {@code key: value} lines that parse unambiguously into one. Never throws.
 */
public final class JsonSalvage {

  /** Answers longer than this are read only up to it. */
  static final int MAX_INPUT = 64 * 1024;

  /** How many opening braces are tried before giving up. */
  static final int MAX_CANDIDATES = 16;

  private static final Pattern THINKING =
      Pattern.compile("<think(?:ing)?>.*?(?:</think(?:ing)?>|$)", Pattern.DOTALL);
  private static final Pattern FENCE =
      Pattern.compile("```[A-Za-z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);

  private static final ObjectMapper STRICT = new ObjectMapper();
  private static final ObjectMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private JsonSalvage() {}

  /** The first JSON object in {@code answer}, with the repairs it needed, if there is one. */
  public static Optional<SalvagedJson> extract(String answer) {
    if (answer == null || answer.isBlank()) {
      return Optional.empty();
    }
    try {
      String bounded = answer.length() > MAX_INPUT ? answer.substring(0, MAX_INPUT) : answer;
      Optional<SalvagedJson> found = decodedString(bounded);
      if (found.isEmpty()) {
        found = find(bounded);
      }
      return found.isPresent() ? found : LooseFormat.read(bounded);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The object inside an answer that is one JSON string holding it, read once more. */
  private static Optional<SalvagedJson> decodedString(String answer) {
    String trimmed = answer.strip();
    if (!trimmed.startsWith("\"") || !trimmed.endsWith("\"") || trimmed.length() < 4) {
      return Optional.empty();
    }
    try {
      JsonNode text = LENIENT.readTree(trimmed);
      if (!text.isTextual()) {
        return Optional.empty();
      }
      return find(text.asText()).map(json -> json.with(Repair.DOUBLE_ENCODED));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<SalvagedJson> find(String answer) {
    Set<Repair> repairs = EnumSet.noneOf(Repair.class);
    String text = answer;
    Matcher thinking = THINKING.matcher(text);
    if (thinking.find()) {
      text = thinking.replaceAll("");
      repairs.add(Repair.THINKING_REMOVED);
    }
    Matcher fence = FENCE.matcher(text);
    if (fence.find() && fence.group(1).contains("{")) {
      repairs.add(Repair.FENCES_STRIPPED);
      if (!text.substring(0, fence.start()).isBlank() || !text.substring(fence.end()).isBlank()) {
        repairs.add(Repair.CHATTER_REMOVED);
      }
      text = fence.group(1);
    }
    Optional<SalvagedJson> found = firstObject(text, repairs);
    if (found.isEmpty() && text.contains("{\\\"")) {
      repairs.add(Repair.DOUBLE_ENCODED);
      found = firstObject(unescaped(text), repairs);
    }
    return found;
  }

  /** The first balanced candidate of {@code text} that reads as an object. */
  private static Optional<SalvagedJson> firstObject(String text, Set<Repair> repairs) {
    int candidates = 0;
    for (int start = text.indexOf('{');
        start >= 0 && candidates < MAX_CANDIDATES;
        start = text.indexOf('{', start + 1), candidates++) {
      int end = balancedEnd(text, start);
      if (end < 0) {
        continue;
      }
      Optional<SalvagedJson> found = read(text.substring(start, end + 1), repairs);
      if (found.isPresent()) {
        if (!text.substring(0, start).isBlank() || !text.substring(end + 1).isBlank()) {
          return Optional.of(found.get().with(Repair.CHATTER_REMOVED));
        }
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<SalvagedJson> read(String candidate, Set<Repair> repairs) {
    Optional<ObjectNode> strict = parse(STRICT, candidate);
    if (strict.isPresent()) {
      return Optional.of(new SalvagedJson(strict.get(), repairs));
    }
    Optional<ObjectNode> lenient = parse(LENIENT, straightenQuotes(candidate));
    if (lenient.isPresent()) {
      return Optional.of(new SalvagedJson(lenient.get(), repairs).with(Repair.REPAIRED_JSON));
    }
    return Optional.empty();
  }

  /** Text escaped as if inside a JSON string ({@code {\"description\": …}}), unescaped. */
  private static String unescaped(String text) {
    try {
      JsonNode unescaped = LENIENT.readTree("\"" + text.replace("\n", "\\n") + "\"");
      return unescaped.isTextual() ? unescaped.asText() : text;
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static Optional<ObjectNode> parse(ObjectMapper mapper, String candidate) {
    try {
      JsonNode node = mapper.readTree(candidate);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Typographic double quotes become JSON quotes; typographic single quotes become apostrophes. */
  static String straightenQuotes(String text) {
    return text.replace('\u201C', '"')
        .replace('\u201D', '"')
        .replace('\u201E', '"')
        .replace('\u2033', '"')
        .replace('\u2018', '\'')
        .replace('\u2019', '\'');
  }

  /**
   * The index of the brace that closes the one at {@code start}, or -1 when the object is cut off.
   * Braces inside strings (straight or typographic quotes, or single quotes where a JSON5 string
   * may start) do not count.
   */
  static int balancedEnd(String text, int start) {
    int depth = 0;
    char quote = 0;
    char previous = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote || (quote == '\u201C' && c == '\u201D')) {
          quote = 0;
        }
      } else if (c == '"' || c == '\u201C' || (c == '\'' && "{[:,".indexOf(previous) >= 0)) {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
    }
    return -1;
  }
}
