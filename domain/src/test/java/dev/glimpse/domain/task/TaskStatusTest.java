package dev.glimpse.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStatusTest {

  private static final Map<TaskStatus, Set<TaskStatus>> DESIGNED =
      Map.of(
          TaskStatus.PENDING, EnumSet.of(TaskStatus.PROCESSING),
          TaskStatus.PROCESSING,
              EnumSet.of(
                  TaskStatus.COMPLETED, TaskStatus.FLAGGED, TaskStatus.FAILED, TaskStatus.PENDING),
          TaskStatus.COMPLETED, EnumSet.of(TaskStatus.PENDING),
          TaskStatus.FLAGGED, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.PENDING),
          TaskStatus.FAILED, EnumSet.of(TaskStatus.PENDING));

  @ParameterizedTest
  @EnumSource(TaskStatus.class)
  void everyPairIsAllowedExactlyWhenTheDesignDrawsAnArrow(TaskStatus from) {
    for (TaskStatus to : TaskStatus.values()) {
      assertThat(from.canTransitionTo(to))
          .as("%s → %s", from, to)
          .isEqualTo(DESIGNED.get(from).contains(to));
    }
  }

  @Test
  void noStateTransitionsToItself() {
    for (TaskStatus status : TaskStatus.values()) {
      assertThat(status.canTransitionTo(status)).as(status.name()).isFalse();
    }
  }

  @Test
  void onlyCompletedFailedAndFlaggedAreSettled() {
    assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::isSettled))
        .containsExactlyInAnyOrder(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.FLAGGED);
  }
}
