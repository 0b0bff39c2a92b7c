package dev.glimpse.domain.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a person should look at an AI result, with the weight it adds to the result's triage score:
 * the review queue shows the most doubtful results first and each reason as a chip. Each reason has
 * a code for the API; the gateway's concern codes are the codes of the reasons they become.
 */
public enum TriageReason {
  REFUSED("Refused or cannot see", 100),
  INSTRUCTIONS("Addresses the reader or the system", 90),
  FILENAME("Only a file name", 70),
  GENERIC("Says nothing", 70),
  REPEATED("Repeats itself", 60),
  NOT_WORDS("Mostly not words", 60),
  DOUBTED("The model had doubts", 50),
  CUT_OFF("Cut off mid-sentence", 50),
  LOCAL_PROVIDER("Made without a model", 40),
  TOO_SHORT("Too short", 40),
  LOW_CONFIDENCE("Low model confidence", 40),
  OTHER_LANGUAGE("Not in the language asked for", 35),
  FAR_TOO_LONG("Far over the length limit", 35),
  MARKUP_REMOVED("Markup removed", 30),
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

  /** The reason's code in the API: its name in lower case with dashes ({@code markup-removed}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The reason named {@code name}, if there still is one: stored names outlive reasons. */
  public static Optional<TriageReason> named(String name) {
    return Arrays.stream(values()).filter(reason -> reason.name().equals(name)).findFirst();
  }

  /** The reason with {@code code}, if there is one. */
  public static Optional<TriageReason> ofCode(String code) {
    return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
  }
}
