package dev.glimpse.domain.task;

import java.util.Locale;

/** How soon a task is wanted: HIGH when someone is waiting, LOW for warming and backfill. */
public enum TaskPriority {
  HIGH(0),
  LOW(1);

  private final int rank;

  TaskPriority(int rank) {
    this.rank = rank;
  }

  /** Claim order: lower ranks are claimed first. */
  public int rank() {
    return rank;
  }

  /** Parses {@code high} or {@code low} in any case. */
  public static TaskPriority parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "priority must be 'high' or 'low', not '" + value + "'", e);
    }
  }
}
