package dev.glimpse.domain.review;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How doubtful an AI result is: the sum of the weights of its {@link TriageReason}s, with the
 * sentence that says what was found for the reasons that have one. Zero means nothing is known
 * against it.
 *
 * @param notes what was found, for the reasons the pipeline said more about than their label
 */
public record Triage(int score, Set<TriageReason> reasons, Map<TriageReason, String> notes) {

  /** Confidence below this is low. */
  static final double LOW_CONFIDENCE = 0.6;

  public static final Triage NONE = new Triage(0, Set.of(), Map.of());

  public Triage {
    reasons = reasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    notes = notes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(notes));
  }

  public Triage(int score, Set<TriageReason> reasons) {
    this(score, reasons, Map.of());
  }

  /** The triage of a result from what the pipeline knows of it. */
  public static Triage assess(TriageSignals signals, TextPurpose purpose) {
    Set<TriageReason> reasons = EnumSet.noneOf(TriageReason.class);
    Map<TriageReason, String> notes = new EnumMap<>(TriageReason.class);
    if (signals.refusal() != null) {
      reasons.add(TriageReason.REFUSED);
      notes.put(TriageReason.REFUSED, signals.refusal());
    }
    if (signals.localProvider()) {
      reasons.add(TriageReason.LOCAL_PROVIDER);
    }
    signals
        .flags()
        .forEach(
            (code, sentence) -> {
              TriageReason reason = TriageReason.ofCode(code).orElse(TriageReason.DOUBTED);
              reasons.add(reason);
              notes.merge(reason, sentence, (first, second) -> first + " " + second);
            });
    if (signals.repairCall()) {
      reasons.add(TriageReason.REPAIR_CALL);
    }
    if (signals.salvaged()) {
      reasons.add(TriageReason.SALVAGED_JSON);
    }
    if (signals.confidence() != null && signals.confidence() < LOW_CONFIDENCE) {
      reasons.add(TriageReason.LOW_CONFIDENCE);
    }
    String text = signals.text() == null ? "" : signals.text().strip();
    if (signals.refusal() == null) {
      if (text.length() < purpose.minChars()) {
        reasons.add(TriageReason.TOO_SHORT);
      } else if (text.length() > purpose.softLimit()
          && !reasons.contains(TriageReason.FAR_TOO_LONG)) {
        reasons.add(TriageReason.TOO_LONG);
      }
      if (purpose.labelled() && signals.labels().isEmpty()) {
        reasons.add(TriageReason.NO_LABELS);
      }
      LanguageGuess.of(text)
          .filter(guessed -> !guessed.equals(primary(signals.language())))
          .ifPresent(guessed -> reasons.add(TriageReason.OTHER_LANGUAGE));
    }
    return of(reasons, notes);
  }

  /** A triage with exactly {@code reasons}. */
  public static Triage of(Set<TriageReason> reasons) {
    return of(reasons, Map.of());
  }

  /** A triage with exactly {@code reasons} and what was found for them. */
  private static Triage of(Set<TriageReason> reasons, Map<TriageReason, String> notes) {
    return new Triage(reasons.stream().mapToInt(TriageReason::weight).sum(), reasons, notes);
  }

  /** What was found for {@code reason}: its note, or else its label. */
  public String sentence(TriageReason reason) {
    return notes.getOrDefault(reason, reason.label());
  }

  private static String primary(String language) {
    if (language == null) {
      return "";
    }
    int dash = language.indexOf('-');
    return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
