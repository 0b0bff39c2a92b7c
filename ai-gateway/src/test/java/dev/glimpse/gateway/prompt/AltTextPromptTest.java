package dev.glimpse.gateway.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.gateway.Repair;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AltTextPromptTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Set<Repair> repairs = EnumSet.noneOf(Repair.class);

  private AltText parse(String json) throws Exception {
    return AltTextPrompt.INSTANCE.parse(
        (ObjectNode) MAPPER.readTree(json), repairs, Expectation.in("en"));
  }

  @Test
  void tidiesLabelsAndDropsTheImageShowsPreamble() throws Exception {
    AltText altText =
        parse(
            "{\"description\": \"The image shows a red bicycle leaning on a wall.\","
                + " \"labels\": [\" Bicycle \", \"bicycle\", \"Wall\", \"\"]}");

    assertThat(altText.description()).isEqualTo("A red bicycle leaning on a wall.");
    assertThat(altText.labels()).containsExactly("Bicycle", "Wall");
    assertThat(repairs).containsExactly(Repair.PREAMBLE_REMOVED);
  }

  @Test
  void dropsThisIsAnImageOfToo() throws Exception {
    assertThat(
            parse("{\"description\": \"This is an image of two dogs on a beach.\", \"labels\": []}")
                .description())
        .isEqualTo("Two dogs on a beach.");
  }

  @Test
  void splitsLabelsGivenAsOneString() throws Exception {
    AltText altText =
        parse(
            "{\"description\": \"A cup of coffee on a saucer.\", \"labels\": \"Coffee, Cup,  Saucer\"}");

    assertThat(altText.labels()).containsExactly("Coffee", "Cup", "Saucer");
    assertThat(repairs).contains(Repair.LABELS_SPLIT);
  }

  @Test
  void unwrapsAWrapperObject() throws Exception {
    AltText altText =
        parse(
            "{\"response\": {\"description\": \"A cat on a wooden floor.\", \"labels\": [\"Cat\"]}}");

    assertThat(altText.labels()).containsExactly("Cat");
    assertThat(repairs).contains(Repair.UNWRAPPED);
  }

  @Test
  void boundsTheNumberAndLengthOfLabels() throws Exception {
    StringBuilder labels = new StringBuilder("\"" + "x".repeat(200) + "\"");
    for (int i = 0; i < 30; i++) {
      labels.append(",\"label ").append(i).append('"');
    }

    AltText altText =
        parse("{\"description\": \"Thirty labels here.\", \"labels\": [" + labels + "]}");

    assertThat(altText.labels()).hasSize(AltTextPrompt.MAX_LABELS);
    assertThat(altText.labels().get(0)).hasSize(AltTextPrompt.MAX_LABEL_LENGTH);
  }

  @Test
  void refusesAnAnswerWithoutADescriptionOrWithLabelsThatAreNotStrings() {
    assertThatThrownBy(() -> parse("{\"title\": \"A horse\", \"labels\": []}"))
        .isInstanceOf(InvalidOutputException.class)
        .hasMessageContaining("description");
    assertThatThrownBy(() -> parse("{\"caption\": \"A horse in a field\", \"tags\": 7}"))
        .isInstanceOf(InvalidOutputException.class)
        .hasMessageContaining("labels");
    assertThatThrownBy(
            () -> parse("{\"description\": \"A horse in a field.\", \"labels\": [1, 2]}"))
        .isInstanceOf(InvalidOutputException.class)
        .hasMessageContaining("label");
  }

  @Test
  void refusalsAndTooShortDescriptionsAreSoftFailures() throws Exception {
    assertThat(judge("{\"description\": \"I'm sorry, I cannot see this image.\", \"labels\": []}"))
        .extracting(Judged::refusal)
        .isNotNull();
    assertThat(judge("{\"description\": \"A cat.\", \"labels\": []}").refusal())
        .contains("too short");
    assertThat(judge("{\"description\": \"A grey cat on a wooden floor\", \"labels\": []}"))
        .satisfies(judged -> assertThat(judged.refusal()).isNull())
        .satisfies(judged -> assertThat(judged.concerns()).isEmpty())
        .satisfies(
            judged ->
                assertThat(judged.value().description())
                    .isEqualTo("A grey cat on a wooden floor."));
  }

  private Judged<AltText> judge(String json) throws Exception {
    return AltTextPrompt.INSTANCE.judge(parse(json), repairs, Expectation.in("en"));
  }

  @Test
  void asksForTheTargetLanguageByName() {
    assertThat(AltTextPrompt.INSTANCE.instructions("de")).contains("German");
    assertThat(AltTextPrompt.INSTANCE.instructions("pt-BR")).contains("Portuguese");
  }

  @Test
  void anOperatorsVersionHasItsNameAndInstructionsAndStillAsksForTheSameJson() {
    AltTextPrompt custom =
        AltTextPrompt.configured(
            "museum-1", "Describe the artwork for a museum visitor in {language}.");

    assertThat(custom.version()).isEqualTo("museum-1");
    assertThat(custom.instructions("fr"))
        .startsWith("Describe the artwork for a museum visitor in French.\n")
        .endsWith(
            "Answer with one JSON object only: {\"description\": \"...\", \"labels\": [\"...\"]}");
    assertThat(AltTextPrompt.configured(AltTextPrompt.VERSION, null))
        .isSameAs(AltTextPrompt.INSTANCE);
    assertThat(AltTextPrompt.configured("alt-text-3", null).instructions("en"))
        .isEqualTo(AltTextPrompt.INSTANCE.instructions("en"));
  }
}
