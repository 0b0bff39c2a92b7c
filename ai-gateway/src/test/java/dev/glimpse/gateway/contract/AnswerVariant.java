package dev.glimpse.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.gateway.prompt.Expectation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * One messy answer from {@code corpus/llm-variants}: an exchange in a provider's wire format, the
 * prompt it answers, and what the gateway must make of it: the outcome ({@code ok}, {@code
 * flagged}, {@code invalid-output}, {@code soft-failure}), the stored text, the repairs and the
 * concern codes.
 *
 * @param text the stored description or summary, or null when no result is expected
 * @param items the stored labels or key points
 */
record AnswerVariant(
    CorpusExchange exchange,
    String prompt,
    Expectation expectation,
    String text,
    List<String> items,
    List<String> repairs,
    List<String> flags) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  boolean summary() {
    return "summary".equals(prompt);
  }

  String expect() {
    return exchange.expect();
  }

  @Override
  public String toString() {
    return exchange.toString();
  }

  static List<AnswerVariant> all() {
    return CorpusExchange.all("llm-variants").stream().map(AnswerVariant::read).toList();
  }

  private static AnswerVariant read(Path file) {
    try {
      JsonNode variant = MAPPER.readTree(file.toFile());
      JsonNode result = variant.path("result");
      boolean summary = "summary".equals(variant.path("prompt").asText());
      return new AnswerVariant(
          CorpusExchange.read(file),
          variant.path("prompt").asText(),
          new Expectation(
              variant.path("language").asText("en"),
              variant.hasNonNull("subject") ? variant.path("subject").asText() : null,
              variant.path("softLimit").asInt()),
          result.isMissingNode() ? null : result.path(summary ? "summary" : "description").asText(),
          texts(result.path(summary ? "keyPoints" : "labels")),
          texts(variant.path("repairs")),
          texts(variant.path("flags")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
