package dev.glimpse.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.TextRequest;
import dev.glimpse.gateway.prompt.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTextClientTest {

  private final LocalTextClient client = new LocalTextClient();

  private static String document(String name) throws IOException {
    try (InputStream in = LocalTextClientTest.class.getResourceAsStream("/corpus/docs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void summarisesALicenceWithItsOwnMostCentralSentences() throws IOException {
    String text = document("Apache-2.0");

    ModelResult<Summary> result =
        client.summarize(new TextRequest("Apache License 2.0", text, "en"));

    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    ModelResult.Answered<Summary> answered = (ModelResult.Answered<Summary>) result;
    Summary summary = answered.value();
    assertThat(summary.keyPoints()).hasSize(LocalTextClient.KEY_POINTS);
    String flat = text.replaceAll("\\s+", " ");
    summary.keyPoints().forEach(point -> assertThat(flat).contains(point.replace("…", "")));
    assertThat(summary.text()).contains("License");
    assertThat(answered.doubtful()).isTrue();
    assertThat(answered.stats().provider()).isEqualTo("local");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BSD", "Apache-2.0", "GPL-3", "gcc-README.Bugs"})
  void everyCorpusDocumentIsSummarizedFromItsOwnSentences(String name) throws IOException {
    String text = document(name);

    ModelResult<Summary> result = client.summarize(new TextRequest(name, text, "en"));

    assertThat(result).isInstanceOf(ModelResult.Answered.class);
    Summary summary = ((ModelResult.Answered<Summary>) result).value();
    assertThat(summary.text()).hasSizeGreaterThan(40).hasSizeLessThan(1300);
    assertThat(summary.keyPoints())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(LocalTextClient.KEY_POINTS);
    String flat = text.replaceAll("\\s+", " ");
    summary.keyPoints().forEach(point -> assertThat(flat).contains(point.replace("…", "")));
  }

  @Test
  void isDeterministic() throws IOException {
    String text = document("Apache-2.0");

    assertThat(summary(text)).isEqualTo(summary(text));
  }

  private Summary summary(String text) {
    return ((ModelResult.Answered<Summary>) client.summarize(new TextRequest(null, text, "en")))
        .value();
  }

  @Test
  void aShortDocumentIsItsOwnSummary() {
    ModelResult<Summary> result =
        client.summarize(new TextRequest("Note", "The meeting moves to Friday at ten.", "en"));

    assertThat(((ModelResult.Answered<Summary>) result).value().text())
        .isEqualTo("The meeting moves to Friday at ten.");
  }

  @Test
  void aDocumentWithoutSentencesFailsPermanently() {
    assertThat(client.summarize(new TextRequest("Empty", "  \n ", "en")))
        .isInstanceOf(ModelResult.Failed.class);
  }
}
