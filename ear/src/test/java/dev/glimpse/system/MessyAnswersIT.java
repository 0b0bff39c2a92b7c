package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's messy answer variants sent through the real server, one model answer per image or
 * document: each ends in its state (COMPLETED, or FLAGGED with its reason codes), and nothing
 * stored as ALT text, label, summary or key point holds markup, a control character, a refusal or
 * an instruction.
 */
class MessyAnswersIT extends DeployedEarTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Concern codes whose text waits as a proposal instead of becoming the ALT text. */
  private static final Set<String> WITHHELD =
      Set.of("instructions", "repeated", "filename", "generic");

  /** What no published text may say outside quotation marks. */
  private static final List<String> FORBIDDEN =
      List.of(
          "ignore previous instructions",
          "ignore all previous instructions",
          "system prompt",
          "you are now",
          "mark this as",
          "i'm sorry",
          "i am unable",
          "es tut mir leid",
          "as an ai");

  @Test
  void everyImageVariantEndsInItsStateAndNothingPublishedHoldsMarkupRefusalsOrInstructions() {
    List<JsonNode> variants = variants("alt-text");
    assertThat(variants).hasSizeGreaterThanOrEqualTo(60);
    List<String> published = new ArrayList<>();

    for (JsonNode variant : variants) {
      ollama.reset().answerWith(variant);
      JsonNode image = describe(variant);
      String name = variant.path("name").asText();
      String expect = variant.path("expect").asText();
      String text = variant.at("/result/description").asText(null);
      List<String> codes = codes(image.at("/review/flags"));

      if ("ok".equals(expect)) {
        assertThat(image.at("/task/status").asText()).as(name).isEqualTo("COMPLETED");
        assertThat(image.path("altText").asText()).as(name).isEqualTo(text);
        assertThat(texts(image.path("labels")))
            .as(name)
            .isEqualTo(texts(variant.at("/result/labels")));
        assertThat(image.at("/review/pending").asBoolean()).as(name).isFalse();
      } else if ("flagged".equals(expect)) {
        List<String> flags = texts(variant.path("flags"));
        assertThat(image.at("/task/status").asText()).as(name).isEqualTo("FLAGGED");
        assertThat(codes).as(name).containsAll(flags);
        assertThat(image.at("/review/flags"))
            .as(name)
            .allSatisfy(flag -> assertThat(flag.path("sentence").asText()).isNotBlank());
        assertThat(image.at("/review/pending").asBoolean()).as(name).isTrue();
        if (flags.stream().anyMatch(WITHHELD::contains)) {
          assertThat(image.path("altText").isNull()).as(name + ": withheld").isTrue();
          assertThat(image.at("/proposal/altText").asText()).as(name).isEqualTo(text);
        } else {
          assertThat(image.path("altText").asText()).as(name).isEqualTo(text);
        }
      } else {
        assertThat(image.at("/task/status").asText()).as(name).isEqualTo("FLAGGED");
        assertThat(image.path("altText").isNull()).as(name).isTrue();
        assertThat(codes).as(name).contains("refused");
      }
      if (!image.path("altText").isNull()) {
        published.add(image.path("altText").asText());
        texts(image.path("labels")).forEach(published::add);
      }
    }

    assertThat(published).isNotEmpty().allSatisfy(MessyAnswersIT::assertPlainAndHarmless);
  }

  @Test
  void everySummaryVariantEndsInItsStateAndOnlyPlainConfidentSummariesAreServed() {
    List<JsonNode> variants = variants("summary");
    assertThat(variants).hasSizeGreaterThanOrEqualTo(10);
    List<String> served = new ArrayList<>();

    for (JsonNode variant : variants) {
      ollama.reset().answerWith(variant);
      String name = variant.path("name").asText();
      String id =
          api.sendJson(
                  "POST",
                  "api/v1/documents",
                  Map.of(
                      "title", "Licence " + name,
                      "text",
                          "The licence text of " + name + ". " + "It grants rights. ".repeat(20),
                      "language", "en"),
                  Map.of())
              .body()
              .path("id")
              .asText();
      JsonNode document =
          api.await(
              "api/v1/documents/" + id,
              body -> Set.of("COMPLETED", "FLAGGED").contains(body.at("/summary/status").asText()),
              PATIENCE);
      JsonNode summary = document.path("summary");

      if ("ok".equals(variant.path("expect").asText())) {
        assertThat(summary.path("status").asText()).as(name).isEqualTo("COMPLETED");
        assertThat(summary.path("text").asText())
            .as(name)
            .isEqualTo(variant.at("/result/summary").asText());
        assertThat(texts(summary.path("keyPoints")))
            .as(name)
            .isEqualTo(texts(variant.at("/result/keyPoints")));
        served.add(summary.path("text").asText());
        served.addAll(texts(summary.path("keyPoints")));
      } else {
        assertThat(summary.path("status").asText()).as(name).isEqualTo("FLAGGED");
        assertThat(summary.path("text").isNull()).as(name + ": not served").isTrue();
        assertThat(summary.at("/review/pending").asBoolean()).as(name).isTrue();
        assertThat(codes(summary.at("/review/flags")))
            .as(name)
            .containsAll(
                "flagged".equals(variant.path("expect").asText())
                    ? texts(variant.path("flags"))
                    : List.of("refused"));
      }
    }

    assertThat(served).isNotEmpty().allSatisfy(MessyAnswersIT::assertPlainAndHarmless);
  }

  private JsonNode describe(JsonNode variant) {
    String filename =
        variant.hasNonNull("subject")
            ? variant.path("subject").asText()
            : variant.path("name").asText() + ".png";
    return api.uploadAsAndAwait(
        "chelsea.png",
        filename,
        Map.of("language", variant.path("language").asText("en")),
        Set.of("COMPLETED", "FLAGGED"),
        PATIENCE);
  }

  private static void assertPlainAndHarmless(String text) {
    assertThat(text).doesNotContain("<", ">");
    assertThat(text.codePoints())
        .noneMatch(c -> Character.getType(c) == Character.CONTROL)
        .noneMatch(c -> Character.getType(c) == Character.FORMAT);
    String unquoted =
        text.replaceAll("\"[^\"]*\"|“[^”]*”", "…").replace('’', '\'').toLowerCase(Locale.ROOT);
    assertThat(FORBIDDEN).allSatisfy(phrase -> assertThat(unquoted).doesNotContain(phrase));
  }

  /** The Ollama variants of {@code prompt} that end in a result or a flag, with their names. */
  private static List<JsonNode> variants(String prompt) {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("ollama-"))
          .sorted()
          .map(MessyAnswersIT::read)
          .filter(variant -> prompt.equals(variant.path("prompt").asText()))
          .filter(variant -> !"invalid-output".equals(variant.path("expect").asText()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    try {
      return Path.of(MessyAnswersIT.class.getResource("/corpus/llm-variants").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      ObjectNode variant = (ObjectNode) MAPPER.readTree(in);
      String name = file.getFileName().toString();
      variant.put("name", name.substring("ollama-".length(), name.length() - ".json".length()));
      return variant;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> codes(JsonNode flags) {
    List<String> codes = new ArrayList<>();
    flags.forEach(flag -> codes.add(flag.path("code").asText()));
    return codes;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
