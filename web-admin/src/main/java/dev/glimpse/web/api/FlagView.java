package dev.glimpse.web.api;

import dev.glimpse.domain.review.Triage;
import java.util.List;

/**
 * One reason a person should look at an AI result: a code ({@code instructions}, {@code
 * markup-removed}…) and a sentence that says what was found.
 */
public record FlagView(String code, String sentence) {

  /** The flags of {@code triage}, most weighty reason first. */
  static List<FlagView> of(Triage triage) {
    return triage.reasons().stream()
        .map(reason -> new FlagView(reason.code(), triage.sentence(reason)))
        .toList();
  }
}
