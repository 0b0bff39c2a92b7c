package dev.glimpse.domain.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The cluster's figures as the dashboard and {@code GET /api/v1/stats} show them: read from the
 * database at most once per {@link #FRESH_FOR} on this node, however many pages and clients ask.
 */
@ApplicationScoped
public class OperationsFigures {

  /** How long one reading of the figures is shown before the database is asked again. */
  static final Duration FRESH_FOR = Duration.ofMillis(1500);

  @Inject ClusterQueries queries;

  Clock clock = Clock.systemUTC();

  private ClusterFigures last;

  /** The figures, at most {@link #FRESH_FOR} old. */
  public synchronized ClusterFigures current() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(FRESH_FOR))) {
      last = queries.read(now);
    }
    return last;
  }
}
