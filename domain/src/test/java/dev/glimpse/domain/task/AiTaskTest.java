package dev.glimpse.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AiTaskTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Actor API = Actor.apiClient("bootstrap");
  private static final Actor JOB = Actor.job(7, "node-a");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(30), 0.2);

  private final Random random = new Random(42);

  private static AiTask aPendingTask(int maxAttempts) {
    return AiTask.enqueue(
        TaskKind.DESCRIBE_IMAGE,
        "image-1",
        API.toString(),
        TaskPriority.HIGH,
        maxAttempts,
        API,
        NOW);
  }

  private static AiTask aProcessingTask(int maxAttempts) {
    AiTask task = aPendingTask(maxAttempts);
    task.claim("node-a/describe-images/7", NOW.plusSeconds(600), JOB, NOW);
    return task;
  }

  private static List<String> trail(AiTask task) {
    return task.events().stream()
        .map(e -> e.fromStatus() + "→" + e.toStatus() + ":" + e.step())
        .collect(Collectors.toList());
  }

  @Test
  void aNewTaskIsPendingDueAtOnceAndItsTrailStartsWithTheEnqueue() {
    AiTask task = aPendingTask(5);

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.nextAttemptAt()).isEqualTo(NOW);
    assertThat(task.owner()).isEqualTo("api:bootstrap");
    assertThat(trail(task)).containsExactly("null→PENDING:enqueued");
  }

  @Test
  void claimingTakesALeaseAndCountsAnAttempt() {
    AiTask task = aProcessingTask(5);

    assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(task.attempts()).isEqualTo(1);
    assertThat(task.isLeasedBy("node-a/describe-images/7")).isTrue();
    assertThat(task.isLeasedBy("node-b/describe-images/1")).isFalse();
    assertThat(task.leaseUntil()).isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void aTaskCannotBeClaimedTwice() {
    AiTask task = aProcessingTask(5);

    assertThatThrownBy(() -> task.claim("node-b/x/1", NOW, JOB, NOW))
        .isInstanceOf(IllegalTaskTransitionException.class)
        .hasMessageContaining("PROCESSING")
        .hasMessageContaining(task.id());
  }

  @Test
  void completingReleasesTheLeaseAndRecordsStepsAndTransition() {
    AiTask task = aProcessingTask(5);

    task.recordStep(JOB, "prepared", "451×300", NOW);
    task.conclude(new TaskOutcome.Completed("described"), JOB, BACKOFF, random, NOW);

    assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.leaseOwner()).isNull();
    assertThat(trail(task))
        .containsExactly(
            "null→PENDING:enqueued",
            "PENDING→PROCESSING:claimed",
            "PROCESSING→PROCESSING:prepared",
            "PROCESSING→COMPLETED:completed");
    assertThat(task.events().get(3).actor()).isEqualTo("job:7@node-a");
  }

  @Test
  void aRetryableOutcomeGoesBackToPendingAfterABackoffThatHonoursRetryAfter() {
    AiTask task = aProcessingTask(5);

    task.conclude(
        new TaskOutcome.Retry("transient", "503 server busy", Duration.ofMinutes(2), true),
        JOB,
        BACKOFF,
        random,
        NOW);

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    assertThat(task.errorKind()).isEqualTo("transient");
    assertThat(task.lastError()).isEqualTo("503 server busy");
  }

  @Test
  void aRetryableOutcomeOnTheLastAttemptFailsTheTaskWithTheReasonKept() {
    AiTask task = aProcessingTask(1);

    task.conclude(
        new TaskOutcome.Retry("invalid-output", "no JSON", null, true), JOB, BACKOFF, random, NOW);

    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.lastError()).isEqualTo("no JSON");
    assertThat(trail(task)).last().isEqualTo("PROCESSING→FAILED:attempts-exhausted");
  }

  @Test
  void anExpiredLeaseReturnsTheTaskToPendingAndCountsTheAttempt() {
    AiTask task = aProcessingTask(3);

    task.expireLease(Actor.system("node-b"), NOW.plusSeconds(700));

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(700));
    assertThat(task.attempts()).isEqualTo(1);
    assertThat(task.leaseOwner()).isNull();
    assertThat(task.errorKind()).isEqualTo("lease-expired");
    assertThat(task.lastError()).contains("node-a/describe-images/7");
  }

  @Test
  void anExpiredLeaseOnTheLastAttemptFailsTheTask() {
    AiTask task = aProcessingTask(1);

    task.expireLease(Actor.system("node-b"), NOW.plusSeconds(700));

    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void aLeaseHeldByANodeThatRestartedIsTakenBackAtOnce() {
    AiTask task = aProcessingTask(3);

    task.releaseAfterRestart(Actor.system("node-a"), NOW.plusSeconds(5));

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(task.attempts()).isEqualTo(1);
    assertThat(task.errorKind()).isEqualTo("node-restarted");
    assertThat(trail(task)).last().isEqualTo("PROCESSING→PENDING:node-restarted");
  }

  @Test
  void aLeaseIsExpiredOnlyOnceItsTimeHasPassed() {
    AiTask task = aProcessingTask(3);

    assertThat(task.leaseExpiredBy(task.leaseUntil())).isFalse();
    assertThat(task.leaseExpiredBy(task.leaseUntil().plusMillis(1))).isTrue();
  }

  @Test
  void anAttemptThatNeverReachedTheProviderIsNotCounted() {
    AiTask task = aProcessingTask(1);

    task.conclude(
        new TaskOutcome.Retry("transient", "every model slot is busy", null, false),
        JOB,
        BACKOFF,
        random,
        NOW);

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.attempts()).isZero();
  }

  @Test
  void aPermanentFailureFailsAtOnceAndASoftFailureIsFlagged() {
    AiTask failed = aProcessingTask(5);
    AiTask flagged = aProcessingTask(5);

    failed.conclude(
        new TaskOutcome.Failed("permanent", "model not found"), JOB, BACKOFF, random, NOW);
    flagged.conclude(new TaskOutcome.Flagged("it said it cannot see"), JOB, BACKOFF, random, NOW);

    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(flagged.status()).isEqualTo(TaskStatus.FLAGGED);
    assertThat(flagged.lastError()).isNull();
  }

  @Test
  void theLineThatEndsAnAttemptInFailureKeepsItsErrorKindAndNoOtherLineHasOne() {
    AiTask retried = aProcessingTask(3);
    AiTask failed = aProcessingTask(3);
    AiTask exhausted = aProcessingTask(1);
    AiTask expired = aProcessingTask(3);
    AiTask completed = aProcessingTask(3);

    retried.conclude(
        new TaskOutcome.Retry("transient", "no answer", null, true), JOB, BACKOFF, random, NOW);
    failed.conclude(new TaskOutcome.Failed("permanent", "bad key"), JOB, BACKOFF, random, NOW);
    exhausted.conclude(
        new TaskOutcome.Retry("invalid-output", "no JSON", null, true), JOB, BACKOFF, random, NOW);
    expired.expireLease(Actor.system("node-b"), NOW.plusSeconds(700));
    completed.conclude(new TaskOutcome.Completed("described"), JOB, BACKOFF, random, NOW);

    assertThat(List.of(retried, failed, exhausted, expired, completed))
        .map(task -> task.events().get(task.events().size() - 1).errorKind())
        .containsExactly("transient", "permanent", "invalid-output", "lease-expired", null);
    assertThat(retried.events().subList(0, 2)).allMatch(event -> event.errorKind() == null);
  }

  @Test
  void requeueingAFailedTaskMakesItDueAgainWithFreshAttempts() {
    AiTask task = aProcessingTask(1);
    task.conclude(new TaskOutcome.Failed("permanent", "bad request"), JOB, BACKOFF, random, NOW);

    task.requeue(Actor.user("admin"), NOW.plusSeconds(60));

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.attempts()).isZero();
    assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
    assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aPendingTaskCannotBeRequeued() {
    AiTask task = aPendingTask(5);

    assertThatThrownBy(() -> task.requeue(API, NOW))
        .isInstanceOf(IllegalTaskTransitionException.class)
        .satisfies(
            e -> {
              IllegalTaskTransitionException illegal = (IllegalTaskTransitionException) e;
              assertThat(illegal.verb()).isEqualTo(TaskVerb.REQUEUE);
              assertThat(illegal.from()).isEqualTo(TaskStatus.PENDING);
              assertThat(illegal.to()).isEqualTo(TaskStatus.PENDING);
            })
        .hasMessageContaining("cannot requeue from PENDING");
  }

  @Test
  void aProcessingTaskCannotBeRequeuedAndKeepsItsLease() {
    AiTask task = aProcessingTask(5);

    assertThatThrownBy(() -> task.requeue(API, NOW))
        .isInstanceOf(IllegalTaskTransitionException.class);

    assertThat(task.isLeasedBy("node-a/describe-images/7")).isTrue();
  }

  @Test
  void approvingAFlaggedTaskCompletesItAndApprovingACompletedOneRecordsTheDecision() {
    AiTask flagged = aProcessingTask(5);
    flagged.conclude(new TaskOutcome.Flagged("it refused"), JOB, BACKOFF, random, NOW);
    AiTask completed = aProcessingTask(5);
    completed.conclude(new TaskOutcome.Completed("described"), JOB, BACKOFF, random, NOW);

    flagged.approve(Actor.user("rita"), "edited", "wrote the ALT text", NOW);
    completed.approve(Actor.user("rita"), "approved", null, NOW);

    assertThat(flagged.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(trail(flagged)).endsWith("FLAGGED→COMPLETED:edited");
    assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(trail(completed)).endsWith("COMPLETED→COMPLETED:approved");
  }

  @Test
  void rejectingAResultMakesItAgainAtOnceWithTheNoteInTheTrail() {
    AiTask task = aProcessingTask(1);
    task.conclude(new TaskOutcome.Completed("described"), JOB, BACKOFF, random, NOW);

    task.reject(Actor.user("rita"), "names the wrong animal", NOW.plusSeconds(5));

    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.attempts()).isZero();
    assertThat(task.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(task.events().get(task.events().size() - 1).message())
        .isEqualTo("names the wrong animal");
  }

  @Test
  void aTaskWhoseItemWasDeletedForgetsTheAnswerTheReasonAndTheTrail() {
    AiTask task = aProcessingTask(5);
    task.keepResponse("{\"description\": \"I'm sorry, I cannot see the secret plans\"}");
    task.conclude(
        new TaskOutcome.Flagged("I'm sorry, I cannot see the secret plans"),
        JOB,
        BACKOFF,
        random,
        NOW);

    task.forgetDeletedItem(Actor.user("admin"), NOW.plusSeconds(60));

    assertThat(task.status()).isEqualTo(TaskStatus.FLAGGED);
    assertThat(task.lastResponse()).isNull();
    assertThat(task.lastError()).isNull();
    assertThat(trail(task))
        .containsExactly(
            "null→PENDING:enqueued",
            "PENDING→PROCESSING:claimed",
            "PROCESSING→FLAGGED:flagged",
            "FLAGGED→FLAGGED:item-deleted");
    assertThat(task.events().subList(0, 3)).allMatch(event -> event.message() == null);
    TaskEvent deletion = task.events().get(3);
    assertThat(deletion.actor()).isEqualTo("user:admin");
    assertThat(deletion.at()).isEqualTo(NOW.plusSeconds(60));
    assertThat(deletion.message()).doesNotContain("secret");
  }

  @Test
  void aFailedTaskWhoseItemWasDeletedKeepsItsErrorKindButNotItsWording() {
    AiTask task = aProcessingTask(5);
    task.conclude(
        new TaskOutcome.Failed("permanent", "the answer quoted the secret plans"),
        JOB,
        BACKOFF,
        random,
        NOW);

    task.forgetDeletedItem(API, NOW);

    assertThat(task.errorKind()).isEqualTo("permanent");
    assertThat(task.lastError()).isEqualTo("its item was deleted");
  }
}
