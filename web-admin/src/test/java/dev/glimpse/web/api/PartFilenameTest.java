package dev.glimpse.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartFilenameTest {

  @Test
  void aQuotedFilenameIsTakenAsItIsApostrophesAndMarkupIncluded() {
    assertThat(
            PartFilename.parameter("form-data; name=\"file\"; filename=\"Mary's and John's.png\""))
        .hasValue("Mary's and John's.png");
    assertThat(
            PartFilename.parameter(
                "form-data; name=\"file\"; filename=\"x<img src=x onerror=alert('a')>.png\""))
        .hasValue("x<img src=x onerror=alert('a')>.png");
  }

  @Test
  void semicolonsAndEqualsSignsInQuotesAndEscapedQuotesBelongToTheName() {
    assertThat(PartFilename.parameter("form-data; name=\"a;b=c\"; filename=\"x; y=z.png\""))
        .hasValue("x; y=z.png");
    assertThat(PartFilename.parameter("form-data; filename=\"say \\\"cheese\\\".png\"; name=f"))
        .hasValue("say \"cheese\".png");
  }

  @Test
  void aTokenFilenameAndOneInAnotherCaseAreRead() {
    assertThat(PartFilename.parameter("form-data; name=file; FileName=photo.png"))
        .hasValue("photo.png");
  }

  @Test
  void withoutAPlainFilenameThereIsNone() {
    assertThat(PartFilename.parameter("form-data; name=\"altText\"")).isEmpty();
    assertThat(PartFilename.parameter("form-data; name=\"f\"; filename*=UTF-8''a%20b.png"))
        .isEmpty();
    assertThat(PartFilename.parameter(null)).isEmpty();
  }
}
