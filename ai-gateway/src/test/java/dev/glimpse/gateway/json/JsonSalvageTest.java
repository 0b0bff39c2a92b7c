package dev.glimpse.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.gateway.Repair;
import org.junit.jupiter.api.Test;

class JsonSalvageTest {

  @Test
  void readsACleanAnswerWithoutRepairs() {
    assertThat(JsonSalvage.extract("{\"a\": 1}"))
        .hasValueSatisfying(json -> assertThat(json.repairs()).isEmpty());
  }

  @Test
  void findsTheObjectInsideCodeFencesAndChatter() {
    String answer =
        "Sure! Here is the JSON you asked for:\n```json\n{\"description\": \"A cat {curled} up\","
            + " \"labels\": [\"cat\"]}\n```\nLet me know!";

    assertThat(JsonSalvage.extract(answer))
        .hasValueSatisfying(
            json -> {
              assertThat(json.object().path("description").asText()).isEqualTo("A cat {curled} up");
              assertThat(json.repairs()).contains(Repair.FENCES_STRIPPED, Repair.CHATTER_REMOVED);
            });
  }

  @Test
  void dropsThinkingBlocks() {
    assertThat(JsonSalvage.extract("<think>The user wants {json}.</think>\n{\"a\": 2}"))
        .hasValueSatisfying(
            json -> {
              assertThat(json.object().path("a").asInt()).isEqualTo(2);
              assertThat(json.repairs()).contains(Repair.THINKING_REMOVED);
            });
  }

  @Test
  void mendsTrailingCommasAndSmartQuotes() {
    assertThat(JsonSalvage.extract("{\"labels\": [\"a\", \"b\",],}"))
        .hasValueSatisfying(json -> assertThat(json.repairs()).contains(Repair.REPAIRED_JSON));
    assertThat(JsonSalvage.extract("{“description”: “An astronaut”, “labels”: [“Flag”]}"))
        .hasValueSatisfying(
            json ->
                assertThat(json.object().path("description").asText()).isEqualTo("An astronaut"));
  }

  @Test
  void findsNothingInPlainProseOrACutOffObject() {
    assertThat(JsonSalvage.extract("I'm sorry, I cannot see this image.")).isEmpty();
    assertThat(JsonSalvage.extract("{\"description\": \"A panoramic view of rolling")).isEmpty();
    assertThat(JsonSalvage.extract(null)).isEmpty();
    assertThat(JsonSalvage.extract("   ")).isEmpty();
  }

  @Test
  void skipsABraceThatOpensNoJson() {
    assertThat(JsonSalvage.extract("{not json at all} then {\"a\": 1}"))
        .hasValueSatisfying(json -> assertThat(json.object().path("a").asInt()).isEqualTo(1));
  }
}
