package dev.glimpse.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.transaction.RollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventFeedTest {

  private static final int BUFFER = 4;

  private final InMemoryEventLog log = new InMemoryEventLog();
  private final ManualExecutor writers = new ManualExecutor();
  private final List<String> announcements = new ArrayList<>();
  private EventFeed feed;

  /** A subscriber that records what it is given; a stalled one never finishes writing. */
  private static final class Recorder implements EventSubscriber {

    final List<Long> ids = new ArrayList<>();
    final List<Long> restarts = new ArrayList<>();
    final boolean stalled;
    boolean dropped;

    Recorder(boolean stalled) {
      this.stalled = stalled;
    }

    @Override
    public CompletionStage<?> deliver(TaskChange change) {
      ids.add(change.id());
      return stalled ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> restart(long eventId) {
      restarts.add(eventId);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void dropped() {
      dropped = true;
    }
  }

  @BeforeEach
  void createFeed() {
    feed =
        new EventFeed() {
          @Override
          Executor deliveries() {
            return writers;
          }
        };
    feed.log = log;
    feed.settings =
        new GlimpseSettings() {
          @Override
          public int eventsBuffer() {
            return BUFFER;
          }

          @Override
          public Duration eventsRetention() {
            return Duration.ofHours(24);
          }
        };
    feed.signal =
        new EventSignal() {
          @Override
          public void announce() {
            announcements.add("announced");
          }

          @Override
          public String transport() {
            return "local";
          }
        };
  }

  private void commit(int count, String owner) {
    for (int i = 0; i < count; i++) {
      log.commit(owner, "image-" + i, "PENDING");
    }
  }

  private void readAndDeliver() {
    feed.readLog();
    writers.runAll();
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }

  @Test
  void aCommitTheDatabaseBrokeOffLeavesTheReaderReadingTheNextTime() {
    Recorder mine = new Recorder(false);
    feed.subscribe("api:mine", null, mine);
    commit(2, "api:mine");
    log.failNextNumbering(new RollbackException("ARJUNA016053: Could not commit transaction."));

    feed.readOnce();
    writers.runAll();
    assertThat(mine.ids).as("nothing numbered while the commit failed").isEmpty();

    feed.readOnce();
    writers.runAll();
    assertThat(mine.ids).as("the next read").isEqualTo(range(1, 2));
  }

  @Test
  void eachSubscriberReceivesEveryNewChangeOfItsItemsOnceInEventIdOrder() {
    Recorder mine = new Recorder(false);
    Recorder theirs = new Recorder(false);
    Recorder console = new Recorder(false);
    feed.subscribe("api:mine", null, mine);
    feed.subscribe("api:theirs", null, theirs);
    feed.subscribe(null, null, console);

    commit(3, "api:mine");
    readAndDeliver();
    commit(2, "api:theirs");
    readAndDeliver();
    readAndDeliver();

    assertThat(mine.ids).containsExactly(1L, 2L, 3L);
    assertThat(theirs.ids).containsExactly(4L, 5L);
    assertThat(console.ids).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(announcements).hasSize(2);
  }

  @Test
  void aSubscriberThatStopsWritingIsDroppedWhenItsBufferIsFullAndNobodyElseWaits() {
    Recorder stalled = new Recorder(true);
    Recorder healthy = new Recorder(false);
    feed.subscribe("api:mine", null, stalled);
    feed.subscribe("api:mine", null, healthy);

    for (int cycle = 0; cycle < 3; cycle++) {
      commit(BUFFER, "api:mine");
      readAndDeliver();
    }

    assertThat(healthy.ids).isEqualTo(range(1, 3 * BUFFER));
    assertThat(healthy.dropped).isFalse();
    assertThat(stalled.dropped).isTrue();
    assertThat(stalled.ids).containsExactly(1L);
    assertThat(feed.droppedSubscribers()).isEqualTo(1);
    assertThat(feed.subscriberCount()).isEqualTo(1);
  }

  @Test
  void aResumingSubscriberCatchesUpFromTheLogThenFollowsWithoutGapOrRepeat() {
    commit(11, "api:mine");
    commit(3, "api:theirs");
    readAndDeliver();

    Recorder resumed = new Recorder(false);
    feed.subscribe("api:mine", 2L, resumed);
    writers.runOne();
    commit(2, "api:mine");
    feed.readLog();
    writers.runOne();
    commit(1, "api:theirs");
    commit(1, "api:mine");
    feed.readLog();
    writers.runAll();
    commit(1, "api:mine");
    readAndDeliver();

    assertThat(resumed.ids)
        .containsExactlyElementsOf(
            List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 15L, 16L, 18L, 19L));
    assertThat(resumed.restarts).isEmpty();
  }

  @Test
  void aResumeFromAnEventThatWasPurgedStartsWithAResetAndThenFollows() {
    commit(10, "api:mine");
    readAndDeliver();
    log.purgeThrough(6);

    Recorder resumed = new Recorder(false);
    feed.subscribe("api:mine", 4L, resumed);
    commit(1, "api:mine");
    readAndDeliver();

    assertThat(resumed.restarts).containsExactly(10L);
    assertThat(resumed.ids).containsExactly(11L);
  }

  @Test
  void aResumeFromAnEventIdNeverGivenOutStartsWithAReset() {
    commit(3, "api:mine");
    readAndDeliver();

    Recorder resumed = new Recorder(false);
    feed.subscribe("api:mine", 1051L, resumed);
    writers.runAll();

    assertThat(resumed.restarts).containsExactly(3L);
    assertThat(resumed.ids).isEmpty();
  }

  @Test
  void aResumeFromTheLastEventMissesNothingAndRepeatsNothing() {
    commit(3, "api:mine");
    readAndDeliver();

    Recorder resumed = new Recorder(false);
    feed.subscribe("api:mine", 3L, resumed);
    writers.runAll();
    commit(1, "api:mine");
    readAndDeliver();

    assertThat(resumed.ids).containsExactly(4L);
    assertThat(resumed.restarts).isEmpty();
  }
}
