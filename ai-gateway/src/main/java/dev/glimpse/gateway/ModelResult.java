package dev.glimpse.gateway;

import dev.glimpse.gateway.judge.Concern;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The typed outcome of asking a model: a valid value, or a failure of a known kind with a reason a
 * reviewer can act on. Gateways return these and never throw for anything a provider can answer.
 */
public sealed interface ModelResult<T> {

  CallStats stats();

  /**
   * A valid answer.
   *
   * @param concerns why a human must check it before it is used (markup removed, instructions, made
   *     without a model…); empty when nothing is known against it
   */
  record Answered<T>(T value, String promptVersion, List<Concern> concerns, CallStats stats)
      implements ModelResult<T> {
    public Answered {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(promptVersion, "promptVersion");
      Objects.requireNonNull(stats, "stats");
      concerns = List.copyOf(concerns);
    }

    /** Whether a person must see the answer: it is FLAGGED, never COMPLETED. */
    public boolean doubtful() {
      return !concerns.isEmpty();
    }

    /** The concerns' sentences as one reason, or null when there are none. */
    public String doubt() {
      return concerns.isEmpty()
          ? null
          : concerns.stream().map(Concern::sentence).collect(Collectors.joining(" "));
    }

    /** Whether the text must wait for a person rather than stand as the item's text. */
    public boolean withheld() {
      return concerns.stream().anyMatch(concern -> concern.code().withholds());
    }
  }

  /**
   * No usable answer.
   *
   * @param retryAfter the provider's hint for the next attempt, or null
   */
  record Failed<T>(FailureKind kind, String reason, Duration retryAfter, CallStats stats)
      implements ModelResult<T> {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(stats, "stats");
    }
  }
}
