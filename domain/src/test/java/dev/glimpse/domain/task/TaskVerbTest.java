package dev.glimpse.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every verb on a task in every state: it moves the task where the table says, or is refused. */
class TaskVerbTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Actor JOB = Actor.job(7, "node-a");
  private static final Actor REVIEWER = Actor.user("rita");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(30), 0.2);

  /** The design: for each verb, the states it may start from. */
  private static final Map<TaskVerb, Set<TaskStatus>> DESIGNED =
      Map.of(
          TaskVerb.CLAIM, EnumSet.of(TaskStatus.PENDING),
          TaskVerb.COMPLETE, EnumSet.of(TaskStatus.PROCESSING),
          TaskVerb.FLAG, EnumSet.of(TaskStatus.PROCESSING),
          TaskVerb.FAIL, EnumSet.of(TaskStatus.PROCESSING),
          TaskVerb.RETRY_LATER, EnumSet.of(TaskStatus.PROCESSING),
          TaskVerb.EXPIRE_LEASE, EnumSet.of(TaskStatus.PROCESSING),
          TaskVerb.APPROVE, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FLAGGED),
          TaskVerb.REJECT, EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FLAGGED),
          TaskVerb.REQUEUE, EnumSet.of(TaskStatus.FAILED, TaskStatus.FLAGGED),
          TaskVerb.REGENERATE,
              EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FLAGGED, TaskStatus.FAILED));

  private final Random random = new Random(42);

  static Stream<Arguments> everyVerbInEveryState() {
    return Stream.of(TaskVerb.values())
        .flatMap(verb -> Stream.of(TaskStatus.values()).map(state -> Arguments.of(verb, state)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyVerbInEveryState")
  void aVerbMovesATaskToItsTargetFromTheStatesItAllowsAndIsRefusedFromTheOthers(
      TaskVerb verb, TaskStatus state) {
    AiTask task = aTaskIn(state);
    int trail = task.events().size();

    if (DESIGNED.get(verb).contains(state)) {
      take(verb, task);
      assertThat(task.status()).isEqualTo(verb.target());
      assertThat(task.events()).hasSize(trail + 1);
      assertThat(task.events().get(trail).fromStatus()).isEqualTo(state);
      if (task.status() != TaskStatus.PROCESSING) {
        assertThat(task.leaseOwner()).isNull();
      }
    } else {
      assertThatThrownBy(() -> take(verb, task))
          .isInstanceOf(IllegalTaskTransitionException.class)
          .hasMessageContaining("cannot " + verb.label() + " from " + state);
      assertThat(task.status()).isEqualTo(state);
      assertThat(task.events()).hasSize(trail);
    }
  }

  @ParameterizedTest
  @MethodSource("verbs")
  void theTableIsTheDesign(TaskVerb verb) {
    for (TaskStatus state : TaskStatus.values()) {
      assertThat(verb.allowedFrom(state))
          .as("%s from %s", verb, state)
          .isEqualTo(DESIGNED.get(verb).contains(state));
    }
  }

  static List<TaskVerb> verbs() {
    return List.of(TaskVerb.values());
  }

  private AiTask aTaskIn(TaskStatus state) {
    AiTask task =
        AiTask.enqueue(
            TaskKind.DESCRIBE_IMAGE, "image-1", "api:client", TaskPriority.HIGH, 5, JOB, NOW);
    if (state == TaskStatus.PENDING) {
      return task;
    }
    task.claim("node-a/describe-images/7", NOW.plusSeconds(600), JOB, NOW);
    TaskOutcome outcome =
        switch (state) {
          case COMPLETED -> new TaskOutcome.Completed("described");
          case FLAGGED -> new TaskOutcome.Flagged("it refused");
          case FAILED -> new TaskOutcome.Failed("permanent", "model not found");
          default -> null;
        };
    if (outcome != null) {
      task.conclude(outcome, JOB, BACKOFF, random, NOW);
    }
    return task;
  }

  private void take(TaskVerb verb, AiTask task) {
    switch (verb) {
      case CLAIM -> task.claim("node-b/describe-images/9", NOW.plusSeconds(600), JOB, NOW);
      case COMPLETE -> conclude(task, new TaskOutcome.Completed("described"));
      case FLAG -> conclude(task, new TaskOutcome.Flagged("it refused"));
      case FAIL -> conclude(task, new TaskOutcome.Failed("permanent", "model not found"));
      case RETRY_LATER -> conclude(task, new TaskOutcome.Retry("transient", "503", null, true));
      case EXPIRE_LEASE -> task.expireLease(JOB, NOW);
      case APPROVE -> task.approve(REVIEWER, "approved", null, NOW);
      case REJECT -> task.reject(REVIEWER, "wrong animal", NOW);
      case REQUEUE -> task.requeue(REVIEWER, NOW);
      case REGENERATE -> task.regenerate(REVIEWER, TaskPriority.HIGH, NOW);
    }
  }

  private void conclude(AiTask task, TaskOutcome outcome) {
    task.conclude(outcome, JOB, BACKOFF, random, NOW);
  }
}
