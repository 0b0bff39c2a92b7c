package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Event delivery from the durable event log: a subscriber that stops reading is closed while the
 * others miss nothing and the work keeps its pace; a client that reconnects with {@code
 * Last-Event-ID} gets every change it missed once, in order, from the database; one whose last
 * event is older than the retention window is told to reload.
 *
 * <p>The server runs these tests with a socket send buffer of 4 KiB (on loopback the kernel would
 * otherwise buffer megabytes for a client that stops reading), a subscriber buffer of 50 changes
 * and a retention window of two minutes, so the log is purged every five seconds.
 */
class EventDeliveryIT extends DeployedEarTest {

  private static final int RUN = 120;
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final List<String> DESCRIBED = List.of("PENDING", "PROCESSING", "COMPLETED");
  private static final String BUFFER = "glimpse.events.buffer";
  private static final String RETENTION = "glimpse.events.retention";

  /** The server settings of this class, in force after a reload. */
  @BeforeAll
  static void smallBuffersAndAShortRetention() {
    SuiteServer.execute(
        Operations.createWriteAttributeOperation(listener(), "send-buffer", new ModelNode(4096)));
    SuiteServer.setSystemProperty(BUFFER, "50");
    SuiteServer.setSystemProperty(RETENTION, "PT2M");
    SuiteServer.reload();
  }

  /** The suite's settings again, for the classes after this one. */
  @AfterAll
  static void theSuitesSettings() {
    SuiteServer.execute(Operations.createUndefineAttributeOperation(listener(), "send-buffer"));
    SuiteServer.removeSystemProperty(BUFFER);
    SuiteServer.removeSystemProperty(RETENTION);
    SuiteServer.reload();
  }

  private static ModelNode listener() {
    return Operations.createAddress(
        "subsystem", "undertow", "server", "default-server", "http-listener", "default");
  }

  /** A run of uploads as one subscriber saw it: the images, its events of them, and how long. */
  private record Run(List<String> images, List<EventStream.Event> events, Duration took) {}

  private String upload() {
    byte[] png = GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png"));
    GlimpseClient.Answer created = api.uploadImage("event.png", png, "image/png");
    assertThat(created.status()).isEqualTo(202);
    return created.body().path("id").asText();
  }

  /** Uploads {@code count} images and waits until {@code stream} has seen each one COMPLETED. */
  private Run run(int count, EventStream stream) {
    Instant start = Instant.now();
    List<String> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      images.add(upload());
    }
    List<EventStream.Event> events =
        stream.awaitEvents(received -> allCompleted(received, images), PATIENCE);
    return new Run(images, of(events, images), Duration.between(start, Instant.now()));
  }

  private static boolean allCompleted(List<EventStream.Event> events, List<String> images) {
    Set<String> completed =
        events.stream()
            .filter(event -> "COMPLETED".equals(status(event)))
            .map(EventDeliveryIT::subject)
            .collect(Collectors.toSet());
    return completed.containsAll(images);
  }

  private static List<EventStream.Event> of(List<EventStream.Event> events, List<String> images) {
    Set<String> wanted = Set.copyOf(images);
    return events.stream().filter(event -> wanted.contains(subject(event))).toList();
  }

  private static List<EventStream.Event> joined(
      List<EventStream.Event> first, List<EventStream.Event> then) {
    List<EventStream.Event> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }

  private static String subject(EventStream.Event event) {
    return event.data().path("subjectId").asText();
  }

  private static String status(EventStream.Event event) {
    return event.data().path("status").asText();
  }

  private static List<Long> ids(List<EventStream.Event> events) {
    return events.stream().map(event -> Long.parseLong(event.id())).toList();
  }

  /** Each image's statuses in the order the events came. */
  private static Map<String, List<String>> statusesByImage(List<EventStream.Event> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                EventDeliveryIT::subject,
                Collectors.mapping(EventDeliveryIT::status, Collectors.toList())));
  }

  private long droppedSubscribers() {
    return api.get("api/v1/stats").body().path("eventSubscribersDropped").asLong();
  }

  @Test
  void aSubscriberThatStopsReadingIsClosedWhileAHealthyOneMissesNothingAndTheRunKeepsItsPace() {
    ollama.answerWith("ollama-ok-clean");
    Run alone;
    try (EventStream healthy = EventStream.open(TestEnvironment.API_KEY, null)) {
      alone = run(RUN, healthy);
    }
    long droppedBefore = droppedSubscribers();

    try (StalledSubscriber stalled =
            StalledSubscriber.open(GlimpseClient.BASE, TestEnvironment.API_KEY);
        EventStream healthy = EventStream.open(TestEnvironment.API_KEY, null)) {
      Run beside = run(RUN, healthy);

      assertThat(droppedSubscribers())
          .as("the subscriber that stopped reading was dropped during the run")
          .isEqualTo(droppedBefore + 1);
      assertThat(beside.took())
          .as("a run beside a stalled subscriber (alone: %s)", alone.took())
          .isLessThan(alone.took().multipliedBy(3).dividedBy(2).plusSeconds(5));
      assertThat(statusesByImage(beside.events()))
          .hasSize(RUN)
          .allSatisfy((image, statuses) -> assertThat(statuses).isEqualTo(DESCRIBED));
      assertThat(ids(beside.events())).isSorted().doesNotHaveDuplicates();

      List<EventStream.Event> beforeClose =
          EventStream.parse(stalled.readToEnd(Duration.ofSeconds(30)));
      assertThat(of(beforeClose, beside.images()))
          .as("what reached the stalled subscriber before it was closed")
          .hasSizeLessThan(beside.events().size());
      String lastReceived = beforeClose.get(beforeClose.size() - 1).id();
      try (EventStream resumed = EventStream.open(TestEnvironment.API_KEY, lastReceived)) {
        List<EventStream.Event> rest =
            resumed.awaitEvents(
                received -> allCompleted(joined(beforeClose, received), beside.images()), PATIENCE);
        List<EventStream.Event> all = of(joined(beforeClose, rest), beside.images());
        assertThat(ids(all))
            .as("what it got before it was closed and after it resumed")
            .isEqualTo(ids(beside.events()));
      }
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventIdGetsEveryMissedChangeOnceInOrder() {
    ollama.answerSlowlyWith("ollama-ok-clean", Duration.ofMillis(300));
    try (EventStream reference = EventStream.open(TestEnvironment.API_KEY, null)) {
      List<String> images = new ArrayList<>();
      List<EventStream.Event> beforeClose;
      try (EventStream first = EventStream.open(TestEnvironment.API_KEY, null)) {
        images.add(upload());
        images.add(upload());
        first.await(EventStream.of(images.get(1), "PENDING"), PATIENCE);
        beforeClose = first.events();
      }
      for (int i = 0; i < 6; i++) {
        images.add(upload());
      }
      List<EventStream.Event> everything =
          of(reference.awaitEvents(received -> allCompleted(received, images), PATIENCE), images);

      String lastSeen = beforeClose.get(beforeClose.size() - 1).id();
      try (EventStream resumed = EventStream.open(TestEnvironment.API_KEY, lastSeen)) {
        List<EventStream.Event> replayed =
            of(
                resumed.awaitEvents(
                    received -> allCompleted(joined(beforeClose, received), images), PATIENCE),
                images);
        List<EventStream.Event> all = of(joined(beforeClose, replayed), images);

        assertThat(ids(all)).isEqualTo(ids(everything)).isSorted().doesNotHaveDuplicates();
        assertThat(statusesByImage(all))
            .hasSize(images.size())
            .allSatisfy((image, statuses) -> assertThat(statuses).isEqualTo(DESCRIBED));
        assertThat(replayed)
            .allMatch(event -> Long.parseLong(event.id()) > Long.parseLong(lastSeen));
      }
    }
  }

  @Test
  void aLastEventIdOlderThanTheRetentionWindowOrUnknownStartsTheStreamWithAReset()
      throws Exception {
    ollama.answerWith("ollama-ok-clean");
    String image = upload();
    List<EventStream.Event> seen;
    try (EventStream stream = EventStream.open(TestEnvironment.API_KEY, null)) {
      seen =
          of(
              stream.awaitEvents(received -> allCompleted(received, List.of(image)), PATIENCE),
              List.of(image));
    }
    String pending = seen.get(0).id();
    long completed = Long.parseLong(seen.get(seen.size() - 1).id());
    makeADayOld(completed);

    EventStream.Event reset = firstEventAfterThePurge(pending);
    assertThat(reset.name()).isEqualTo("reset");
    assertThat(Long.parseLong(reset.id())).isGreaterThanOrEqualTo(completed);
    assertThat(reset.data().path("reason").asText()).contains("reload");

    try (EventStream unknown = EventStream.open(TestEnvironment.API_KEY, "9000000000000")) {
      EventStream.Event first =
          unknown.awaitEvents(received -> !received.isEmpty(), PATIENCE).get(0);
      assertThat(first.name()).isEqualTo("reset");
      String next = upload();
      EventStream.Event pendingAfter = unknown.await(EventStream.of(next, "PENDING"), PATIENCE);
      assertThat(Long.parseLong(pendingAfter.id())).isGreaterThan(Long.parseLong(first.id()));
    }
  }

  /** Dates the log's events up to {@code eventId} a day back, as if a day had passed. */
  private static void makeADayOld(long eventId) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
        PreparedStatement age =
            connection.prepareStatement(
                "UPDATE event_log SET numbered_at = numbered_at - INTERVAL '1 day'"
                    + " WHERE event_id <= ?")) {
      age.setLong(1, eventId);
      assertThat(age.executeUpdate()).isPositive();
    }
  }

  /**
   * Resumes after {@code lastEventId} until the purge has run, and returns the first event then.
   */
  private static EventStream.Event firstEventAfterThePurge(String lastEventId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Set<String> seen = new LinkedHashSet<>();
    while (Instant.now().isBefore(deadline)) {
      try (EventStream resumed = EventStream.open(TestEnvironment.API_KEY, lastEventId)) {
        EventStream.Event first =
            resumed.awaitEvents(received -> !received.isEmpty(), PATIENCE).get(0);
        if (!"task".equals(first.name())) {
          return first;
        }
        seen.add(first.id());
      }
      pause();
    }
    throw new AssertionError("still replayed from the purged events: " + seen);
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
