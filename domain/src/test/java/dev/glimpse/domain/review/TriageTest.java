package dev.glimpse.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageTest {

  private static final TextPurpose ALT_TEXT = new TextPurpose(20, 150, true);
  private static final String CLEAN =
      "A grey tabby cat with green eyes sits on a wooden floor and looks at the camera.";

  private static TriageSignals clean() {
    return new TriageSignals(
        CLEAN, List.of("cat", "pet"), "en", null, null, false, false, false, null);
  }

  @Test
  void aCleanResultHasNoReasonAndScoresZero() {
    Triage triage = Triage.assess(clean(), ALT_TEXT);

    assertThat(triage.reasons()).isEmpty();
    assertThat(triage.score()).isZero();
  }

  @Test
  void aRefusalScoresAboveEverythingElseTogetherBarOne() {
    Triage refused =
        Triage.assess(
            new TriageSignals(
                null, List.of(), "en", "I cannot see the image", null, false, false, false, null),
            ALT_TEXT);
    Triage repaired =
        Triage.assess(
            new TriageSignals(CLEAN, List.of("cat"), "en", null, null, true, true, false, null),
            ALT_TEXT);

    assertThat(refused.reasons()).containsExactly(TriageReason.REFUSED);
    assertThat(refused.score()).isGreaterThan(repaired.score());
    assertThat(repaired.reasons())
        .containsExactlyInAnyOrder(TriageReason.REPAIR_CALL, TriageReason.SALVAGED_JSON);
    assertThat(repaired.score()).isEqualTo(45);
  }

  @Test
  void lengthIsJudgedAgainstThePurpose() {
    Triage tooShort =
        Triage.assess(
            new TriageSignals(
                "A cat.", List.of("cat"), "en", null, null, false, false, false, null),
            ALT_TEXT);
    Triage tooLong =
        Triage.assess(
            new TriageSignals(
                CLEAN + " " + CLEAN, List.of("cat"), "en", null, null, false, false, false, null),
            ALT_TEXT);

    assertThat(tooShort.reasons()).containsExactly(TriageReason.TOO_SHORT);
    assertThat(tooLong.reasons()).containsExactly(TriageReason.TOO_LONG);
  }

  @Test
  void theLocalProviderEmptyLabelsAndLowConfidenceEachCount() {
    Triage triage =
        Triage.assess(
            new TriageSignals(
                CLEAN,
                List.of(),
                "en",
                null,
                Map.of("local-provider", "Made without a model."),
                false,
                false,
                true,
                0.3),
            ALT_TEXT);

    assertThat(triage.reasons())
        .containsExactlyInAnyOrder(
            TriageReason.LOCAL_PROVIDER, TriageReason.NO_LABELS, TriageReason.LOW_CONFIDENCE);
    assertThat(triage.score()).isEqualTo(40 + 10 + 40);
  }

  @Test
  void eachConcernBecomesTheReasonOfItsCodeWithItsSentence() {
    Triage triage =
        Triage.assess(
            new TriageSignals(
                CLEAN,
                List.of("cat"),
                "en",
                null,
                Map.of(
                    "instructions", "The text addresses the system (“you must”).",
                    "markup-removed", "The model wrote HTML; it was removed.",
                    "some-future-code", "Something new."),
                false,
                false,
                false,
                0.9),
            ALT_TEXT);

    assertThat(triage.reasons())
        .containsExactlyInAnyOrder(
            TriageReason.INSTRUCTIONS, TriageReason.MARKUP_REMOVED, TriageReason.DOUBTED);
    assertThat(triage.score()).isEqualTo(90 + 30 + 50);
    assertThat(triage.sentence(TriageReason.INSTRUCTIONS)).contains("you must");
    assertThat(triage.sentence(TriageReason.DOUBTED)).isEqualTo("Something new.");
    assertThat(triage.sentence(TriageReason.NO_LABELS)).isEqualTo("No labels");
  }

  @Test
  void aTextFarOverTheLimitIsNotAlsoJustTooLong() {
    Triage triage =
        Triage.assess(
            new TriageSignals(
                (CLEAN + " ").repeat(5),
                List.of("cat"),
                "en",
                null,
                Map.of("far-too-long", "The text has 410 characters."),
                false,
                false,
                false,
                null),
            ALT_TEXT);

    assertThat(triage.reasons()).containsExactly(TriageReason.FAR_TOO_LONG);
  }

  @Test
  void everyReasonHasADistinctCodeThatFindsItAgain() {
    for (TriageReason reason : TriageReason.values()) {
      assertThat(TriageReason.ofCode(reason.code())).hasValue(reason);
    }
    assertThat(TriageReason.ofCode("markup-removed")).hasValue(TriageReason.MARKUP_REMOVED);
  }

  @Test
  void aTextInAnotherLanguageThanAskedIsNoticed() {
    String german =
        "Eine graue Katze mit grünen Augen sitzt auf dem Holzboden und schaut in die Kamera.";

    Triage askedEnglish =
        Triage.assess(
            new TriageSignals(
                german, List.of("Katze"), "en", null, null, false, false, false, null),
            ALT_TEXT);
    Triage askedGerman =
        Triage.assess(
            new TriageSignals(
                german, List.of("Katze"), "de-AT", null, null, false, false, false, null),
            ALT_TEXT);

    assertThat(askedEnglish.reasons()).containsExactly(TriageReason.OTHER_LANGUAGE);
    assertThat(askedGerman.reasons()).isEmpty();
  }

  @Test
  void summariesCarryNoLabelsAndAreNotFlaggedForIt() {
    Triage triage =
        Triage.assess(
            new TriageSignals(CLEAN, List.of(), "en", null, null, false, false, false, null),
            new TextPurpose(40, 1200, false));

    assertThat(triage.reasons()).isEmpty();
  }
}
