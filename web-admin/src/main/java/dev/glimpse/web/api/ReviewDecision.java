package dev.glimpse.web.api;

import java.util.Locale;

/**
 * The body of {@code POST …/review}: {@code approve}, {@code reject} or {@code keep-current}, with
 * an optional note.
 */
public record ReviewDecision(String decision, String note) {

  /** What a person decided. */
  enum Kind {
    /** Take the text, or the proposal waiting beside it. */
    APPROVE,
    /** Turn the model's text down. */
    REJECT,
    /** Keep the current text and drop the proposal waiting beside it. */
    KEEP_CURRENT
  }

  /** The decision; refuses anything but approve, reject and keep-current. */
  Kind kind() {
    String value = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "approve" -> Kind.APPROVE;
      case "reject" -> Kind.REJECT;
      case "keep-current" -> Kind.KEEP_CURRENT;
      default ->
          throw new IllegalArgumentException(
              "decision must be 'approve', 'reject' or 'keep-current'");
    };
  }
}
