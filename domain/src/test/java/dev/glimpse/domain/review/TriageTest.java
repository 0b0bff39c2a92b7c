package dev.glimpse.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
                CLEAN, List.of(), "en", null, "made without a model", false, false, true, 0.3),
            ALT_TEXT);

    assertThat(triage.reasons())
        .containsExactlyInAnyOrder(
            TriageReason.LOCAL_PROVIDER, TriageReason.NO_LABELS, TriageReason.LOW_CONFIDENCE);
    assertThat(triage.score()).isEqualTo(40 + 10 + 40);
  }

  @Test
  void aDoubtFromAModelCountsWhenNoLocalProviderExplainsIt() {
    Triage triage =
        Triage.assess(
            new TriageSignals(
                CLEAN, List.of("cat"), "en", null, "only 3 words", false, false, false, 0.9),
            ALT_TEXT);

    assertThat(triage.reasons()).containsExactly(TriageReason.DOUBTED);
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
