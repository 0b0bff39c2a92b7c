package dev.glimpse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A subscriber of {@code GET /api/v1/events} that parses the stream as a browser's EventSource
 * does: {@code id}, {@code event} and {@code data} fields, a blank line ending an event, lines
 * starting with a colon as comments.
 */
final class EventStream implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One event: its id, name and data as JSON. */
  record Event(String id, String name, JsonNode data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final HttpResponse<Stream<String>> response;

  /**
   * Kept reachable for as long as the stream is read: a client that nothing references any more is
   * collected, and its connections are closed with it, open streams and all.
   */
  private final HttpClient client;

  private EventStream(HttpClient client, HttpResponse<Stream<String>> response) {
    this.client = client;
    this.response = response;
    CompletableFuture.runAsync(this::read);
  }

  /** Subscribes with {@code apiKey}, resuming after {@code lastEventId} when not null. */
  static EventStream open(String apiKey, String lastEventId) {
    return open(GlimpseClient.BASE, apiKey, lastEventId);
  }

  /** Subscribes to the server at {@code base} (a node of the cluster), as {@link #open}. */
  static EventStream open(URI base, String apiKey, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("api/v1/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + apiKey);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpClient client = HttpClient.newHttpClient();
    try {
      HttpResponse<Stream<String>> response =
          client
              .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
              .get(10, TimeUnit.SECONDS);
      if (response.statusCode() != 200) {
        throw new AssertionError("the event stream answered " + response.statusCode());
      }
      return new EventStream(client, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the event stream did not open", e);
    }
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  /** Waits until an event matching {@code wanted} has arrived, and returns it. */
  Event await(Predicate<Event> wanted, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (Event event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      sleep();
    }
    throw new AssertionError("no such event within " + timeout + "; received " + events);
  }

  /** Waits until {@code count} comments have arrived. */
  void awaitComments(int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (comments.size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("only " + comments + " within " + timeout);
      }
      sleep();
    }
  }

  static Predicate<Event> of(String subjectId, String status) {
    return event ->
        subjectId.equals(event.data().path("subjectId").asText())
            && status.equals(event.data().path("status").asText());
  }

  /** Every event received up to now, once the stream has received all that {@code done} wants. */
  List<Event> awaitEvents(Predicate<List<Event>> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<Event> now = events();
      if (done.test(now)) {
        return now;
      }
      sleep();
    }
    throw new AssertionError("not all events within " + timeout + "; received " + events);
  }

  /**
   * The events in {@code text}, a stream's body as sent; an event cut off at the end is left out.
   */
  static List<Event> parse(String text) {
    List<Event> parsed = new ArrayList<>();
    Parser parser = new Parser(parsed::add, comment -> {});
    text.lines().forEach(parser::line);
    return parsed;
  }

  private void read() {
    Parser parser = new Parser(events::add, comments::add);
    try (Stream<String> lines = response.body()) {
      lines.forEach(parser::line);
    } catch (UncheckedIOException e) {
      comments.add("closed: " + e.getMessage());
    } finally {
      Reference.reachabilityFence(client);
    }
  }

  /** Reads a stream line by line as an EventSource does. */
  private static final class Parser {

    private final Consumer<Event> events;
    private final Consumer<String> comments;
    private String id;
    private String name = "message";
    private final List<String> data = new ArrayList<>();

    Parser(Consumer<Event> events, Consumer<String> comments) {
      this.events = events;
      this.comments = comments;
    }

    void line(String line) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          events.accept(new Event(id, name, json(String.join("\n", data))));
        }
        name = "message";
        data.clear();
      } else if (line.startsWith(":")) {
        comments.accept(line.substring(1).strip());
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.add(line.substring(5).strip());
      }
    }

    private static JsonNode json(String text) {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    response.body().close();
  }
}
