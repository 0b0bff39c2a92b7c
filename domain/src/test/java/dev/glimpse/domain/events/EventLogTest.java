package dev.glimpse.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.support.GlimpseSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private final EventLog log = new EventLog();

  private static TaskChange change(long id, String owner) {
    return new TaskChange(
        id,
        "task-" + id,
        "DESCRIBE_IMAGE",
        "image",
        "image-" + id,
        "PENDING",
        Instant.EPOCH,
        owner);
  }

  private static List<Long> ids(List<TaskChange> changes) {
    return changes.stream().map(TaskChange::id).toList();
  }

  @BeforeEach
  void keepFive() {
    log.settings =
        new GlimpseSettings() {
          @Override
          public int eventLogSize() {
            return 5;
          }
        };
  }

  @Test
  void aReconnectGetsWhatArrivedAfterItsLastEventInArrivalOrder() {
    log.deliver(change(10, "api:a"));
    log.deliver(change(12, "api:a"));
    log.deliver(change(11, "api:a"));
    log.deliver(change(13, "api:b"));

    assertThat(ids(log.after(12, "api:a"))).containsExactly(11L);
    assertThat(ids(log.after(10, null))).containsExactly(12L, 11L, 13L);
  }

  @Test
  void anOwnerNeverGetsAnotherOwnersChanges() {
    log.deliver(change(1, "api:a"));
    log.deliver(change(2, "api:b"));

    assertThat(ids(log.after(0, "api:b"))).containsExactly(2L);
  }

  @Test
  void anIdNoLongerKeptReplaysTheGreaterIdsThatAre() {
    for (long id = 1; id <= 8; id++) {
      log.deliver(change(id, "api:a"));
    }

    assertThat(ids(log.after(2, "api:a"))).containsExactly(4L, 5L, 6L, 7L, 8L);
    assertThat(ids(log.after(8, "api:a"))).isEmpty();
  }

  @Test
  void aChangeHeardTwiceIsDeliveredOnce() {
    List<TaskChange> received = new ArrayList<>();
    Subscription subscription = log.subscribe(received::add);

    log.deliver(change(1, "api:a"));
    log.deliver(change(1, "api:a"));
    subscription.close();
    log.deliver(change(2, "api:a"));

    assertThat(ids(received)).containsExactly(1L);
  }
}
