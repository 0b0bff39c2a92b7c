package dev.glimpse.web.console;

import dev.glimpse.domain.image.ImageFilter;
import dev.glimpse.domain.review.ReviewState;
import dev.glimpse.domain.task.TaskStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The images page's filters as they travel in its URL, so that a view can be bookmarked and shared:
 * every one a query parameter, empty when it does not filter.
 */
public class ImageFilterParams {

  private final Map<String, String> values = new LinkedHashMap<>();

  /** The parameter names, in the order the URL lists them. */
  static final String[] NAMES = {
    "status",
    "ai",
    "review",
    "pending",
    "label",
    "error",
    "provider",
    "model",
    "prompt",
    "outdated",
    "q",
    "from",
    "to"
  };

  /** The parameters by name; a blank value does not filter. */
  public Map<String, String> getValues() {
    return values;
  }

  /** Takes the filter parameters found in {@code request}. */
  void readFrom(Map<String, String> request) {
    for (String name : NAMES) {
      String value = request.get(name);
      if (value != null) {
        values.put(name, value);
      }
    }
  }

  /** The names of the parameters, for the hidden fields that carry them through postbacks. */
  public List<String> getNames() {
    return List.of(NAMES);
  }

  /** Whether any filter is set. */
  public boolean isAny() {
    return values.values().stream().anyMatch(value -> value != null && !value.isBlank());
  }

  private String value(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The filter these parameters describe; {@code outdated=yes} lets through the texts made with a
   * prompt version other than {@code currentPrompt}.
   *
   * @throws IllegalArgumentException naming the parameter whose value makes no sense
   */
  ImageFilter toFilter(String currentPrompt) {
    return new ImageFilter(
        null,
        parse(TaskStatus.class, "status"),
        yesNo("ai"),
        parse(ReviewState.class, "review"),
        yesNo("pending"),
        value("label"),
        value("error"),
        value("provider"),
        value("model"),
        value("prompt"),
        Boolean.TRUE.equals(yesNo("outdated")) ? currentPrompt : null,
        value("q"),
        day("from", 0),
        day("to", 1));
  }

  /** The query string of these parameters with {@code name} set to {@code value} (or removed). */
  public String with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>();
    for (String known : NAMES) {
      if (value(known) != null) {
        changed.put(known, value(known));
      }
    }
    if (value == null || value.isBlank()) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return changed.entrySet().stream()
        .map(
            entry ->
                entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Boolean yesNo(String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be yes or no, not '" + value + "'");
    };
  }

  private <E extends Enum<E>> E parse(Class<E> type, String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a known value", e);
    }
  }

  /** The start of the day named by parameter {@code name}, plus {@code days}, in UTC. */
  private Instant day(String name, int days) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date such as 2026-11-30", e);
    }
  }
}
