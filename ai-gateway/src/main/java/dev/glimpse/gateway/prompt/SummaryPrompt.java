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
import java.util.regex.Pattern;

/**
 * Asks a text model for a summary of a document and its key points. The summary and the key points
 * become plain text ending as sentences; a "Summary:" label goes. Refusals anywhere, and summaries
 * too short to be useful, are soft failures; what else a person must see is judged by {@link
 * Judge}.
 */
public final class SummaryPrompt extends Prompt<Summary> {

  public static final String VERSION = "summary-1";
  public static final SummaryPrompt INSTANCE = new SummaryPrompt();

  static final int MAX_KEY_POINTS = 8;
  static final int MIN_SUMMARY_LENGTH = 30;

  private static final Map<String, Set<String>> ALIASES =
      Map.of(
          "summary",
          Set.of("summary", "abstract", "tldr", "text", "overview"),
          "keyPoints",
          Set.of(
              "keypoints",
              "keypoint",
              "points",
              "highlights",
              "bulletpoints",
              "bullets",
              "keytakeaways",
              "takeaways"));

  private static final Pattern POINT_SEPARATORS = Pattern.compile("\\n+");

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
  protected Map<String, Set<String>> aliases() {
    return ALIASES;
  }

  @Override
  protected Summary read(ObjectNode answer, Set<Repair> repairs, Expectation expectation)
      throws InvalidOutputException {
    String text = plainText(answer, "summary", repairs);
    JsonNode points = field(answer, "keyPoints", repairs);
    List<String> keyPoints = new ArrayList<>();
    if (points != null && !points.isNull()) {
      for (String point : Items.read(points, "keyPoints", POINT_SEPARATORS, repairs)) {
        String plain = PlainText.of(point, repairs);
        if (!plain.isEmpty() && keyPoints.size() < MAX_KEY_POINTS) {
          keyPoints.add(plain);
        }
      }
    }
    return new Summary(Openings.ofSummary(text, repairs), keyPoints);
  }

  @Override
  public Judged<Summary> judge(Summary value, Set<Repair> repairs, Expectation expectation) {
    Optional<String> refusal =
        Refusals.inField(value.text())
            .or(
                () ->
                    value.keyPoints().stream()
                        .map(Refusals::inField)
                        .flatMap(Optional::stream)
                        .findFirst());
    if (refusal.isPresent()) {
      return Judged.refused(refusal.get());
    }
    if (value.text().length() < MIN_SUMMARY_LENGTH) {
      return Judged.refused("The summary is too short to be useful (“" + value.text() + "”)");
    }
    List<Concern> concerns =
        new ArrayList<>(
            Judge.text(
                value.text(), expectation.language(), expectation.softLimit(), false, repairs));
    if (!Judge.has(concerns, Concern.Code.INSTRUCTIONS)) {
      Judge.instructions(value.keyPoints(), false).ifPresent(concerns::add);
    }
    String finished =
        Judge.has(concerns, Concern.Code.CUT_OFF) ? value.text() : Sentences.ended(value.text());
    return Judged.answered(
        new Summary(finished, value.keyPoints().stream().map(Sentences::ended).toList()), concerns);
  }
}
