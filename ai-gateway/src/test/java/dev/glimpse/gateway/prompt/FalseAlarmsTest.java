package dev.glimpse.gateway.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.judge.Concern;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary good results that look like trouble to a careless rule: a guide dog "as an aid", a lease
 * you "must" end in writing, a chart of figures, a laugh, a German football club. Each is read and
 * judged to stand as written, with no concern and no refusal.
 */
class FalseAlarmsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Case(String name, Prompt<?> prompt, String language, String text, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        image("an aid", "A guide dog serves as an aid to a blind man crossing a road."),
        image("unable to see", "A foggy road on which drivers are unable to see far ahead."),
        image("a laugh", "A clown laughs, ha ha ha ha, at a child's birthday party."),
        image("zeros", "A scoreboard showing 0, 0, 0, 0 for the first four innings."),
        image(
            "a chart",
            "Bar chart of revenue: 2021 – €4.5m, 2022 – €5.1m, 2023 – €6.0m, 2024 – €7.2m."),
        image("a name and an age", "Sam, 3 years old, blows out the candles on a birthday cake."),
        image("image two", "Image 2 of a cat: a ginger kitten asleep in a basket."),
        image("a quoted apology", "A café door with a sign reading “I'm sorry, we are closed”."),
        new Case(
            "a German club",
            AltTextPrompt.INSTANCE,
            "de",
            "1. FC Köln fans cheer in a stadium full of red flags.",
            "1. FC Köln fans cheer in a stadium full of red flags."),
        summary(
            "what a lease requires",
            "To end the lease you must give two months' notice in writing to the landlord."),
        summary(
            "a product's features",
            "The release adds a system prompt editor and guards against jailbreak attempts."),
        summary(
            "staff who cannot see",
            "Staff who are unable to view the intranet may ask the service desk for access."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void standsAsWrittenWithNoConcern(Case example) throws Exception {
    Set<Repair> repairs = EnumSet.noneOf(Repair.class);
    Judged<?> judged = judge(example, repairs);

    assertThat(judged.refusal()).isNull();
    assertThat(judged.concerns()).extracting(Concern::code).isEmpty();
    Object value = judged.value();
    String text =
        value instanceof AltText altText ? altText.description() : ((Summary) value).text();
    assertThat(text).isEqualTo(example.expected());
  }

  @SuppressWarnings("unchecked")
  private static <T> Judged<T> judge(Case example, Set<Repair> repairs) throws Exception {
    Prompt<T> prompt = (Prompt<T>) example.prompt();
    String field = prompt instanceof AltTextPrompt ? "description" : "summary";
    String items = prompt instanceof AltTextPrompt ? "labels" : "keyPoints";
    ObjectNode answer = MAPPER.createObjectNode().put(field, example.text());
    answer.putArray(items).add("Example");
    Expectation expectation = new Expectation(example.language(), "photo.jpg", 1500);
    return prompt.judge(prompt.parse(answer, repairs, expectation), repairs, expectation);
  }

  private static Case image(String name, String text) {
    return new Case(name, AltTextPrompt.INSTANCE, "en", text, text);
  }

  private static Case summary(String name, String text) {
    return new Case(name, SummaryPrompt.INSTANCE, "en", text, text);
  }
}
