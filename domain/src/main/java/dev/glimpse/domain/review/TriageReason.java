package dev.glimpse.domain.review;

/**
 * Why a person should look at an AI result, with the weight it adds to the result's triage score:
 * the review queue shows the most doubtful results first and each reason as a chip.
 */
public enum TriageReason {
  REFUSED("Refused or cannot see", 100),
  DOUBTED("The model had doubts", 50),
  LOCAL_PROVIDER("Made without a model", 40),
  TOO_SHORT("Too short", 40),
  LOW_CONFIDENCE("Low model confidence", 40),
  OTHER_LANGUAGE("Not in the language asked for", 35),
  REPAIR_CALL("Needed a repair call", 30),
  TOO_LONG("Longer than the soft limit", 20),
  SALVAGED_JSON("Salvaged from messy JSON", 15),
  NO_LABELS("No labels", 10);

  private final String label;
  private final int weight;

  TriageReason(String label, int weight) {
    this.label = label;
    this.weight = weight;
  }

  /** The reason as a reviewer reads it. */
  public String label() {
    return label;
  }

  /** What the reason adds to the triage score. */
  public int weight() {
    return weight;
  }
}
