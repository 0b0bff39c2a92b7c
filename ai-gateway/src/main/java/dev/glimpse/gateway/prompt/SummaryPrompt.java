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

/** Asks a text model for a summary of a document and its key points. */
public final class SummaryPrompt extends Prompt<Summary> {

  public static final String VERSION = "summary-1";
  public static final SummaryPrompt INSTANCE = new SummaryPrompt();

  static final int MAX_KEY_POINTS = 8;
  static final int MIN_SUMMARY_LENGTH = 30;

  private SummaryPrompt() {}

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String schemaName() {
    return "summary";
  }

  @Override
  public String instructions(String language) {
    return "You summarise documents for busy readers.\n"
        + "Write a summary of three to six sentences that says what the document is, what it"
        + " requires or offers, and anything a reader must not miss. Then list up to "
        + MAX_KEY_POINTS
        + " key points of one sentence each. Use only what the document says.\n"
        + "Write in "
        + languageName(language)
        + ".\n"
        + "Answer with one JSON object only: {\"summary\": \"...\", \"keyPoints\": [\"...\"]}";
  }

  /** The user message that carries the document. */
  public String request(String title, String text) {
    return (title == null || title.isBlank() ? "" : "Title: " + title + "\n\n") + text;
  }

  @Override
  public Map<String, Object> schema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("summary", Map.of("type", "string"));
    properties.put("keyPoints", stringArray());
    return objectSchema(properties);
  }

  @Override
  protected Summary read(ObjectNode answer, Set<Repair> repairs) throws InvalidOutputException {
    JsonNode summary = answer.get("summary");
    if (summary == null || !summary.isTextual()) {
      throw new InvalidOutputException("the answer has no \"summary\" string");
    }
    JsonNode points = answer.get("keyPoints");
    List<String> keyPoints = new ArrayList<>();
    if (points != null && points.isArray()) {
      for (JsonNode point : points) {
        if (!point.isTextual()) {
          throw new InvalidOutputException("every key point must be a string, not " + point);
        }
        String text = point.asText().strip();
        if (!text.isEmpty() && keyPoints.size() < MAX_KEY_POINTS) {
          keyPoints.add(text);
        }
      }
    } else if (points != null && !points.isNull()) {
      throw new InvalidOutputException("\"keyPoints\" must be an array of strings");
    }
    return new Summary(summary.asText().strip(), keyPoints);
  }

  @Override
  public Optional<String> softFailure(Summary value) {
    Optional<String> refusal = SoftFailures.detect(value.text());
    if (refusal.isPresent()) {
      return refusal;
    }
    if (value.text().length() < MIN_SUMMARY_LENGTH) {
      return Optional.of("the summary is too short to be useful (\"" + value.text() + "\")");
    }
    return Optional.empty();
  }
}
