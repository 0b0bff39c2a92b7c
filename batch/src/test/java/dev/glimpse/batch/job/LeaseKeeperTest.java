package dev.glimpse.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.support.GlimpseSettings;
import dev.glimpse.domain.task.ClaimedTask;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {

  private final List<String> renewed = new ArrayList<>();
  private boolean stillHeld = true;
  private RuntimeException failure;
  private Duration stall = Duration.ofMinutes(10);

  private final LeaseKeeper keeper = new LeaseKeeper();

  LeaseKeeperTest() {
    keeper.tasks =
        new TaskService() {
          @Override
          public boolean renewLease(String taskId, String leaseOwner) {
            if (failure != null) {
              throw failure;
            }
            renewed.add(taskId + " " + leaseOwner);
            return stillHeld;
          }
        };
    keeper.settings =
        new GlimpseSettings() {
          @Override
          public Duration lease() {
            return Duration.ofSeconds(60);
          }

          @Override
          public Duration stall() {
            return stall;
          }
        };
  }

  /** A claim the keeper holds, without the background heartbeat: the test beats by hand. */
  private ClaimedTask held(String id) {
    ClaimedTask task =
        new ClaimedTask(
            id, TaskKind.DESCRIBE_IMAGE, "image-" + id, 1, "node-a/job/1#" + id, "api:bootstrap");
    keeper.claims.put(task.leaseOwner(), new LeaseKeeper.Claim(task.taskId()));
    return task;
  }

  @Test
  void workInProgressHasItsLeaseRenewedOnEveryBeat() {
    ClaimedTask task = held("t1");

    keeper.progress(task);
    keeper.beat();
    keeper.beat();

    assertThat(renewed).containsExactly("t1 node-a/job/1#t1", "t1 node-a/job/1#t1");
    assertThat(keeper.holds(task)).isTrue();
  }

  @Test
  void workWithoutProgressForTheStallLimitIsNoLongerRenewed() {
    stall = Duration.ZERO;
    ClaimedTask task = held("t2");

    keeper.beat();

    assertThat(renewed).isEmpty();
    assertThat(keeper.holds(task)).isFalse();
  }

  @Test
  void aLeaseFoundTakenBackIsDroppedAndTheWorkCanStop() {
    stillHeld = false;
    ClaimedTask task = held("t3");

    keeper.beat();
    keeper.beat();

    assertThat(renewed).hasSize(1);
    assertThat(keeper.holds(task)).isFalse();
  }

  @Test
  void aRenewalThatFailsIsTriedAgainOnTheNextBeat() {
    failure = new IllegalStateException("the database is not reachable");
    ClaimedTask task = held("t4");

    keeper.beat();
    failure = null;
    keeper.beat();

    assertThat(renewed).containsExactly("t4 node-a/job/1#t4");
    assertThat(keeper.holds(task)).isTrue();
  }

  @Test
  void aReleasedClaimIsNoLongerRenewed() {
    ClaimedTask task = held("t5");

    keeper.release(task);
    keeper.beat();

    assertThat(renewed).isEmpty();
    assertThat(keeper.holds(task)).isFalse();
  }

  @Test
  void workThatThrowsNoLongerHasItsLeaseRenewed() {
    ClaimedTask task = held("t6");

    assertThatThrownBy(
            () ->
                keeper.working(
                    task,
                    () -> {
                      throw new IllegalStateException("the database is not reachable");
                    }))
        .hasMessage("the database is not reachable");
    keeper.beat();

    assertThat(renewed).isEmpty();
    assertThat(keeper.holds(task)).isFalse();
  }

  @Test
  void theHeartbeatBeatsThreeTimesALease() {
    assertThat(LeaseKeeper.period(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(20));
    assertThat(LeaseKeeper.period(Duration.ofMillis(30))).isEqualTo(Duration.ofMillis(100));
  }
}
