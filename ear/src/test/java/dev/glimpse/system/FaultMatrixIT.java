package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fault matrix: a run of uploads under one fault at a time, on PostgreSQL with the stub model.
 * Every row ends with no task lost (every image COMPLETED), none left PROCESSING, each completed
 * exactly once, the stub asked about each image no more often than the fault explains, and the
 * server ready ({@link FaultRun#assertSound()}).
 *
 * <p>The default suite runs each row once with runs of {@value #RUN} images ({@value
 * #KILL_RUN_SIZE} for the rows with kills); {@code -Pfaults} repeats every row ({@code
 * glimpse.faults.repeat}) with runs of {@code glimpse.faults.run} images ({@code
 * glimpse.faults.kill-run} with kills).
 */
class FaultMatrixIT extends DeployedEarTest {

  static final int RUN = 40;

  private static final int SIZE = Integer.getInteger("glimpse.faults.run", RUN);
  static final int KILL_RUN_SIZE = 80;

  private static final int KILL_RUN = Integer.getInteger("glimpse.faults.kill-run", KILL_RUN_SIZE);
  private static final int REPEAT = Integer.getInteger("glimpse.faults.repeat", 1);
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /**
   * The Last-Event-ID of a client that saw nothing yet: the outage may close the stream before it
   * delivered any of the run's changes, and resuming without an id would start from now.
   */
  private static final String FIRST_EVER = "0";

  @ArquillianResource ContainerController controller;

  @ArquillianResource Deployer deployer;

  @Deployment(name = "second", managed = false, testable = false)
  @TargetsContainer("second")
  static EnterpriseArchive secondNode() {
    return ServerNode.application();
  }

  @Deployment(name = "crash", managed = false, testable = false)
  @TargetsContainer("crash")
  static EnterpriseArchive crashNode() {
    return ServerNode.application();
  }

  /**
   * Two nodes share a run of {@value #KILL_RUN_SIZE} images (more with {@code -Pfaults}); one is
   * killed with SIGKILL while it holds tasks. The other takes them over within 90 s and finishes
   * the run; only the tasks the dead node held may have been asked about twice.
   */
  @Test
  void twoNodesOneKilled() throws Exception {
    ServerNode second = ServerNode.SECOND;
    for (int round = 0; round < REPEAT; round++) {
      second.start(controller, deployer);
      try {
        ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(400));
        FaultRun run = FaultRun.upload(api, "postgres", KILL_RUN);
        List<String> held = awaitHeld(run, "second-node", 2);

        long killedAt = System.currentTimeMillis();
        second.kill(controller);
        run.awaitCompleted(PATIENCE);

        run.assertSound();
        double reaped = 0;
        double claimed = 0;
        for (String task : held) {
          double seconds = run.secondsUntil("claimed", task, killedAt);
          assertThat(seconds)
              .as("task %s of the killed node was taken over", task)
              .isBetween(0.0, 90.0);
          claimed = Math.max(claimed, seconds);
          reaped = Math.max(reaped, run.secondsUntil("lease-expired", task, killedAt));
        }
        report(
            "two nodes, one killed",
            "%d images, %d held by the killed node: leases reaped within %.1f s, all claimed again"
                + " within %.1f s; done %.0f s after the kill",
            run.size(),
            held.size(),
            reaped,
            claimed,
            (System.currentTimeMillis() - killedAt) / 1000.0);
        Map<String, Integer> calls = ollama.callsPerImage();
        assertThat(calls).hasSize(run.size());
        assertThat(calls.values()).allSatisfy(count -> assertThat(count).isBetween(1, 2));
        assertThat(calls.values().stream().filter(count -> count == 2).count())
            .as("images asked about twice: only those the dead node held")
            .isLessThanOrEqualTo(held.size());
      } finally {
        second.stop(controller, deployer);
      }
    }
  }

  /**
   * A client follows the events of a run on one node, drops off, and resumes with {@code
   * Last-Event-ID} on the other node: what it got before and after, together, is exactly what a
   * client that stayed on the first node got, in the same order.
   */
  @Test
  void aClientResumingOnTheOtherNode() {
    ServerNode second = ServerNode.SECOND;
    second.start(controller, deployer);
    try {
      for (int round = 0; round < REPEAT; round++) {
        ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofSeconds(1));
        try (EventStream stayed = EventStream.open(TestEnvironment.API_KEY, null)) {
          FaultRun run;
          List<EventStream.Event> before;
          try (EventStream left = EventStream.open(TestEnvironment.API_KEY, null)) {
            run = FaultRun.upload(api, "postgres", SIZE);
            left.await(run::concerns, PATIENCE);
            before = List.copyOf(left.events());
          }
          String lastSeen = before.get(before.size() - 1).id();
          try (EventStream resumed =
              EventStream.open(second.base(), TestEnvironment.API_KEY, lastSeen)) {
            List<EventStream.Event> after =
                resumed.awaitEvents(events -> run.allCompletedIn(concat(before, events)), PATIENCE);
            List<EventStream.Event> all = stayed.awaitEvents(run::allCompletedIn, PATIENCE);

            List<Long> together = new ArrayList<>(run.idsIn(before));
            together.addAll(run.idsIn(after));
            assertThat(together).isEqualTo(run.idsIn(all)).isSorted().doesNotHaveDuplicates();
            report(
                "resuming on the other node",
                "%d images, %d changes before leaving, %d replayed and delivered by the other node",
                run.size(),
                run.idsIn(before).size(),
                run.idsIn(after).size());
          }
          run.awaitCompleted(PATIENCE);
          run.assertSound();
        }
      }
    } finally {
      second.stop(controller, deployer);
    }
  }

  /**
   * A server killed with SIGKILL three times during a run, restarted each time: a long variant,
   * under {@code -Pfaults} only (the default suite kills one of two nodes).
   */
  @Test
  @EnabledIfSystemProperty(named = "glimpse.faults.long", matches = "true")
  void aServerKilledThreeTimes() throws Exception {
    ServerNode crash = ServerNode.CRASH;
    crash.start(controller, deployer);
    try {
      for (int round = 0; round < REPEAT; round++) {
        ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(400));
        FaultRun run = FaultRun.upload(crash.api(), "crash", KILL_RUN);
        int held = 0;
        for (int kill = 0; kill < 3; kill++) {
          held += awaitHeld(run, "crash-node", 2).size();
          crash.kill(controller);
          crash.restart(controller);
        }
        run.awaitCompleted(PATIENCE);

        run.assertSound();
        Map<String, Integer> calls = ollama.callsPerImage();
        assertThat(calls).hasSize(run.size());
        int extra = calls.values().stream().mapToInt(Integer::intValue).sum() - run.size();
        assertThat(extra)
            .as("calls beyond one per image: only for tasks a killed server held")
            .isLessThanOrEqualTo(held);
        report(
            "kill -9 three times",
            "%d images, %d tasks held at the kills, %d calls beyond one per image",
            run.size(),
            held,
            extra);
      }
    } finally {
      crash.stop(controller, deployer);
    }
  }

  /**
   * The database goes away for 10 s in the middle of a run (every connection reset, new ones
   * refused) and comes back: the server recovers by itself and finishes the run, and a client of
   * its event stream that resumes once afterwards has every change, once and in order.
   */
  @Test
  void theDatabaseGoneForTenSeconds() throws Exception {
    ServerNode crash = ServerNode.CRASH;
    TcpProxy database = TestEnvironment.crashDatabase();
    crash.start(controller, deployer);
    try {
      for (int round = 0; round < REPEAT; round++) {
        ollama.reset().answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(300));
        List<EventStream.Event> during;
        FaultRun run;
        long restoredAt;
        try (EventStream stream = EventStream.open(crash.base(), TestEnvironment.API_KEY, null)) {
          run = FaultRun.upload(crash.api(), "crash", SIZE);
          awaitHeld(run, "crash-node", 2);
          database.cut();
          try {
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            assertThat(crash.api().get("health/ready").status())
                .as("readiness without a database")
                .isEqualTo(503);
          } finally {
            database.restore();
          }
          restoredAt = System.currentTimeMillis();
          run.awaitCompleted(PATIENCE);
          during = List.copyOf(stream.events());
        }

        run.assertSound();
        String lastSeen = during.isEmpty() ? FIRST_EVER : during.get(during.size() - 1).id();
        try (EventStream resumed =
            EventStream.open(crash.base(), TestEnvironment.API_KEY, lastSeen)) {
          List<EventStream.Event> after;
          try {
            after =
                resumed.awaitEvents(events -> run.allCompletedIn(concat(during, events)), PATIENCE);
          } catch (AssertionError e) {
            throw new AssertionError(
                "resumed after event "
                    + lastSeen
                    + ", with "
                    + run.idsIn(during).size()
                    + " of the run's changes seen before the outage: "
                    + e.getMessage(),
                e);
          }
          assertThat(run.idsIn(concat(during, after)))
              .as("the changes of the run a client saw, resuming once after the outage")
              .isSorted()
              .doesNotHaveDuplicates();
        }
        report(
            "database gone for 10 s",
            "%d images, done %s after it came back",
            run.size(),
            since(restoredAt));
      }
    } finally {
      crash.stop(controller, deployer);
    }
  }

  private static List<EventStream.Event> concat(
      List<EventStream.Event> first, List<EventStream.Event> second) {
    List<EventStream.Event> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  /**
   * The model server is down (connections refused) for 30 s while a run waits. Nothing that never
   * reached the model counts as an attempt, so no task fails; the run finishes once it is back.
   */
  @Test
  void theModelDownForThirtySeconds() throws InterruptedException {
    for (int round = 0; round < REPEAT; round++) {
      ollama.reset().answerWith("ollama-ok-clean");
      TestEnvironment.stopModel();
      FaultRun run;
      try {
        run = FaultRun.upload(api, "postgres", SIZE);
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        assertThat(run.statuses()).as("tasks while the model is down").doesNotContainKey("FAILED");
      } finally {
        TestEnvironment.startModel();
      }
      long upAt = System.currentTimeMillis();
      run.awaitCompleted(PATIENCE);

      run.assertSound();
      report(
          "model down for 30 s",
          "%d images, none failed, done %s after it came back",
          run.size(),
          since(upAt));
      assertThat(ollama.callsPerImage().values()).containsOnly(1);
    }
  }

  /**
   * The first calls of a run take longer than the call time-out (20 s here): they are given up and
   * asked again; every image is described once.
   */
  @Test
  void aModelSlowerThanTheCallTimeout() {
    for (int round = 0; round < REPEAT; round++) {
      ollama
          .reset()
          .answerWith("ollama-ok-clean")
          .answerFirstRequestsSlowly(2, "ollama-ok-clean", Duration.ofSeconds(25));
      long startedAt = System.currentTimeMillis();
      FaultRun run = FaultRun.upload(api, "postgres", SIZE);
      run.awaitCompleted(PATIENCE);

      run.assertSound();
      report(
          "model slower than the time-out", "%d images, done in %s", run.size(), since(startedAt));
      Map<String, Integer> calls = ollama.callsPerImage();
      assertThat(calls).hasSize(run.size());
      assertThat(calls.values().stream().mapToInt(Integer::intValue).sum())
          .as("one call per image, and one more for each call that timed out")
          .isEqualTo(run.size() + 2);
    }
  }

  /**
   * The model answers 429 with {@code Retry-After} for 20 s: the tasks wait as asked, without using
   * up their attempts, and are described once it accepts work again.
   */
  @Test
  void theModelRateLimitingForTwentySeconds() throws InterruptedException {
    for (int round = 0; round < REPEAT; round++) {
      ollama.reset().answerWith("ollama-ok-clean");
      StubMapping limited = ollama.turnAwayWith429(5);
      FaultRun run;
      try {
        run = FaultRun.upload(api, "postgres", SIZE);
        Thread.sleep(Duration.ofSeconds(20).toMillis());
        assertThat(run.statuses()).as("tasks while rate-limited").doesNotContainKey("FAILED");
      } finally {
        ollama.remove(limited);
      }
      long acceptedAt = System.currentTimeMillis();
      run.awaitCompleted(PATIENCE);

      run.assertSound();
      report(
          "429 for 20 s",
          "%d images, none failed, done %s after the limit lifted",
          run.size(),
          since(acceptedAt));
    }
  }

  /** Prints a row's figures, for the record of what the matrix saw. */
  private static void report(String row, String figures, Object... values) {
    System.out.printf("[fault matrix] %s: %s%n", row, String.format(figures, values));
  }

  private static String since(long epochMillis) {
    return String.format("%.1f s", (System.currentTimeMillis() - epochMillis) / 1000.0);
  }

  /** Waits until {@code node} holds at least {@code count} tasks of the run, and returns them. */
  private static List<String> awaitHeld(FaultRun run, String node, int count)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      List<String> held = run.heldBy(node);
      if (held.size() >= count) {
        return held;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(node + " never held " + count + " tasks of the run at once");
  }
}
