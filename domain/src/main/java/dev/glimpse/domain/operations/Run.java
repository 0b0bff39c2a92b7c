package dev.glimpse.domain.operations;

import dev.glimpse.domain.task.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Work of one kind under way: the tasks created since the oldest one still waiting or in progress,
 * how many of them are done, the recent rate and when the rest will be done at that rate.
 *
 * @param perMinute items of this kind finished per minute, recently; 0 when none finished yet
 */
public record Run(TaskKind kind, Instant since, long done, long total, double perMinute) {

  /** Tasks still waiting or in progress. */
  public long remaining() {
    return total - done;
  }

  /** Done as a whole percentage of the total. */
  public int percent() {
    return total == 0 ? 100 : (int) (done * 100 / total);
  }

  /** How long the rest takes at the recent rate; empty while nothing has finished to go by. */
  public Optional<Duration> eta() {
    if (perMinute <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Math.round(remaining() * 60 / perMinute)));
  }
}
