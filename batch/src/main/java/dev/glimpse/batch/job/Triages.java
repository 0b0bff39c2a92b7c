package dev.glimpse.batch.job;

import dev.glimpse.domain.review.TriageSignals;
import dev.glimpse.gateway.CallStats;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.Providers;
import dev.glimpse.gateway.Repair;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads off a gateway result what the review queue's triage weighs. */
public final class Triages {

  /** Repairs that dug the JSON out of chatter or mended it. */
  private static final Set<Repair> SALVAGE =
      EnumSet.of(
          Repair.THINKING_REMOVED,
          Repair.FENCES_STRIPPED,
          Repair.CHATTER_REMOVED,
          Repair.REPAIRED_JSON,
          Repair.UNWRAPPED,
          Repair.LABELS_SPLIT);

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
        answered.doubt(),
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
