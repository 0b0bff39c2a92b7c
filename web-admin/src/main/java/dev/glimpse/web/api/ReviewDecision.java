package dev.glimpse.web.api;

import java.util.Locale;

/** The body of {@code POST …/review}: {@code approve} or {@code reject}, with an optional note. */
public record ReviewDecision(String decision, String note) {

  /** Whether the decision approves; refuses anything but approve and reject. */
  boolean approves() {
    String value = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "approve" -> true;
      case "reject" -> false;
      default -> throw new IllegalArgumentException("decision must be 'approve' or 'reject'");
    };
  }
}
