package dev.glimpse.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated answers: the salvage never throws, and finds what a valid answer holds. */
class JsonSalvageFuzzTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ALPHABET = "{}[]\":,'`\\ \n\tabcxyz0123456789“”‘’<>/thinkjson-.";
  private static final String[] CHATTER = {
    "",
    "Sure! ",
    "Here is the JSON:\n",
    "```json\n",
    "\n```",
    " Hope this helps.",
    "<think>hmm</think>"
  };

  private final Random random = new Random(20261123L);

  @Test
  void randomTextNeverThrows() {
    for (int i = 0; i < 5_000; i++) {
      String text = randomText(random.nextInt(200));
      assertThatCode(() -> JsonSalvage.extract(text)).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void mutatedAnswersNeverThrow() {
    String valid =
        "```json\n{\"description\": \"A grey tabby cat\", \"labels\": [\"Cat\", \"Pet\"]}\n```";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder mutated = new StringBuilder(valid);
      for (int m = 0, n = 1 + random.nextInt(4); m < n && mutated.length() > 0; m++) {
        int at = random.nextInt(mutated.length());
        switch (random.nextInt(3)) {
          case 0 -> mutated.deleteCharAt(at);
          case 1 -> mutated.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          default -> mutated.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      String text = mutated.toString();
      assertThatCode(() -> JsonSalvage.extract(text)).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void aValidObjectWrappedInChatterIsAlwaysFound() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      ObjectNode object = MAPPER.createObjectNode();
      object.put("description", randomWords(1 + random.nextInt(8)));
      var labels = object.putArray("labels");
      for (int l = random.nextInt(5); l > 0; l--) {
        labels.add(randomWords(1 + random.nextInt(2)));
      }
      String answer =
          CHATTER[random.nextInt(CHATTER.length)]
              + MAPPER.writeValueAsString(object)
              + CHATTER[random.nextInt(CHATTER.length)];

      assertThat(JsonSalvage.extract(answer))
          .as(answer)
          .hasValueSatisfying(json -> assertThat(json.object()).isEqualTo(object));
    }
  }

  @Test
  void pathologicalNestingIsRefusedQuickly() {
    String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    assertThatCode(() -> JsonSalvage.extract(deep)).doesNotThrowAnyException();
    assertThat(JsonSalvage.extract("{".repeat(200_000))).isEmpty();
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private String randomWords(int count) {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < count; i++) {
      words.append(i == 0 ? "" : " ").append("word").append(random.nextInt(1000));
      if (random.nextInt(10) == 0) {
        words.append(random.nextBoolean() ? " {braced}" : " \"quoted\"");
      }
    }
    return words.toString();
  }
}
