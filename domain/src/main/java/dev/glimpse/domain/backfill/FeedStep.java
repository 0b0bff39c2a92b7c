package dev.glimpse.domain.backfill;

import java.util.List;

/** What the job feeding a backfill does next. */
public sealed interface FeedStep {

  /** Hand these candidates to the queue. */
  record Page(List<String> ids) implements FeedStep {}

  /** Look again later: the queue holds enough of the backfill's items for now. */
  record Wait() implements FeedStep {}

  /** Stop: the backfill is done, paused, cancelled or fed by another job. */
  record Stop(String why) implements FeedStep {}
}
