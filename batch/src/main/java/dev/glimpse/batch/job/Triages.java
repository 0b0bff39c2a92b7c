package dev.glimpse.batch.job;

import dev.glimpse.domain.review.TriageSignals;
import dev.glimpse.gateway.CallStats;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.Providers;
import dev.glimpse.gateway.Repair;
import dev.glimpse.gateway.judge.Concern;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads off a gateway result what the review queue's triage weighs. */
public final class Triages {

  /** Repairs that dug the answer out of chatter or mended its shape. */
  private static final Set<Repair> SALVAGE =
      EnumSet.of(
          Repair.THINKING_REMOVED,
          Repair.FENCES_STRIPPED,
          Repair.CHATTER_REMOVED,
          Repair.REPAIRED_JSON,
          Repair.DOUBLE_ENCODED,
          Repair.LOOSE_FORMAT,
          Repair.UNWRAPPED,
          Repair.KEYS_RENAMED,
          Repair.LABELS_SPLIT,
          Repair.LABELS_RESHAPED,
          Repair.SENTENCES_JOINED);

  private Triages() {}

  /** The signals of a valid answer whose text and labels are {@code text} and {@code labels}. */
  public static TriageSignals answered(
      ModelResult.Answered<?> answered, String text, List<String> labels, String language) {
    CallStats stats = answered.stats();
    return new TriageSignals(
        text,
        labels,
        language,
        null,
        answered.concerns().stream()
            .collect(
                Collectors.toMap(
                    concern -> concern.code().code(),
                    Concern::sentence,
                    (first, second) -> first + " " + second,
                    LinkedHashMap::new)),
        stats.repairs().contains(Repair.REPAIR_CALL),
        stats.repairs().stream().anyMatch(SALVAGE::contains),
        Providers.LOCAL.equals(stats.provider()),
        null);
  }

  /** The signals of a refusal or a "cannot see". */
  public static TriageSignals refused(ModelResult.Failed<?> failed, String language) {
    return new TriageSignals(
        null,
        List.of(),
        language,
        failed.reason(),
        null,
        failed.stats().repairs().contains(Repair.REPAIR_CALL),
        false,
        Providers.LOCAL.equals(failed.stats().provider()),
        null);
  }

  /** The signals of a text made earlier for identical input and reused without a model call. */
  public static TriageSignals reused(String text, List<String> labels, String language) {
    return new TriageSignals(text, labels, language, null, null, false, false, false, null);
  }
}
