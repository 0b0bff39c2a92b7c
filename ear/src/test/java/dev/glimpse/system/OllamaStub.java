package dev.glimpse.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stub Ollama server, answering {@code POST /api/chat} with exchanges from the test corpus. */
final class OllamaStub {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final String SUMMARY =
      "A short document that says what it is and what it asks of readers.";

  private static final String SUMMARY_ANSWER =
      "{\"model\": \"llama3.2:3b\", \"message\": {\"role\": \"assistant\", \"content\": "
          + "\"{\\\"summary\\\": \\\""
          + SUMMARY
          + "\\\", \\\"keyPoints\\\": [\\\"It is short.\\\"]}\"}, \"done_reason\": \"stop\","
          + " \"done\": true, \"prompt_eval_count\": 900, \"eval_count\": 60}";

  private final WireMock wireMock = new WireMock("localhost", TestEnvironment.ollamaPort());

  /** Forgets earlier stubs and recorded requests. */
  OllamaStub reset() {
    wireMock.resetMappings();
    wireMock.resetRequests();
    wireMock.resetScenarios();
    return this;
  }

  /** Answers every chat request with the corpus exchange {@code name} (e.g. ollama-ok-clean). */
  OllamaStub answerWith(String name) {
    return answerWith(exchange(name));
  }

  /** Answers every chat request with {@code exchange}, a corpus file's content. */
  OllamaStub answerWith(JsonNode exchange) {
    wireMock.register(post(urlPathEqualTo("/api/chat")).willReturn(response(exchange)));
    return this;
  }

  /**
   * Answers summary requests (those whose {@code format} asks for a {@code summary}) with {@link
   * #SUMMARY}.
   */
  OllamaStub answerSummaries() {
    return answerSummariesAfter(Duration.ZERO);
  }

  /** Answers summary requests with {@link #SUMMARY} after {@code delay}, as a busy model would. */
  OllamaStub answerSummariesAfter(Duration delay) {
    wireMock.register(
        post(urlPathEqualTo("/api/chat"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.format.properties.summary"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(SUMMARY_ANSWER)
                    .withFixedDelay((int) delay.toMillis())));
    return this;
  }

  /** Answers summary requests with a refusal, as a model that will not summarize a text. */
  OllamaStub refuseSummaries() {
    wireMock.register(
        post(urlPathEqualTo("/api/chat"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.format.properties.summary"))
            .willReturn(response(exchange("ollama-refusal"))));
    return this;
  }

  /** The summary requests the server sent, as JSON. */
  List<JsonNode> summaryRequests() {
    return chatRequests().stream()
        .filter(request -> request.at("/format/properties/summary").isObject())
        .toList();
  }

  /**
   * Answers the first {@code times} chat requests whose body contains {@code text} with the
   * exchange {@code name}, ahead of every other stub; later ones go to the other stubs.
   */
  OllamaStub answerFirstRequestsContaining(String text, int times, String name) {
    return answerFirstRequests(
        WireMock.containing(text), "containing-" + text, times, response(exchange(name)));
  }

  /**
   * Answers the first {@code times} chat requests with the exchange {@code name} after {@code
   * delay}, ahead of every other stub; later ones go to the other stubs.
   */
  OllamaStub answerFirstRequestsSlowly(int times, String name, Duration delay) {
    return answerFirstRequests(
        WireMock.matching("(?s).*"),
        "slow-" + name,
        times,
        response(exchange(name)).withFixedDelay((int) delay.toMillis()));
  }

  private OllamaStub answerFirstRequests(
      StringValuePattern body, String scenario, int times, ResponseDefinitionBuilder answer) {
    for (int turn = 0; turn < times; turn++) {
      wireMock.register(
          post(urlPathEqualTo("/api/chat"))
              .atPriority(0)
              .withRequestBody(body)
              .inScenario(scenario)
              .whenScenarioStateIs(turn == 0 ? Scenario.STARTED : "turn-" + turn)
              .willSetStateTo("turn-" + (turn + 1))
              .willReturn(answer));
    }
    return this;
  }

  /**
   * Turns every chat request away with 429 and {@code Retry-After: retryAfterSeconds}, ahead of
   * every other stub, until {@link #remove} is given the stub returned.
   */
  StubMapping turnAwayWith429(int retryAfterSeconds) {
    StubMapping stub =
        post(urlPathEqualTo("/api/chat"))
            .atPriority(0)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                    .withBody("{\"error\":\"too many requests, please slow down\"}"))
            .build();
    wireMock.register(stub);
    return stub;
  }

  /** Removes a stub registered before. */
  void remove(StubMapping stub) {
    wireMock.removeStubMapping(stub);
  }

  /** Answers every chat request with the exchange {@code name}, after {@code delay}. */
  OllamaStub answerSlowlyWith(String name, Duration delay) {
    wireMock.register(
        post(urlPathEqualTo("/api/chat"))
            .willReturn(response(exchange(name)).withFixedDelay((int) delay.toMillis())));
    return this;
  }

  /**
   * Answers chat requests with the exchanges {@code names} in turn, one each, then with the last
   * one for every later request.
   */
  OllamaStub answerInTurn(String... names) {
    String scenario = "in-turn";
    for (int turn = 0; turn < names.length; turn++) {
      String state = turn == 0 ? Scenario.STARTED : "turn-" + turn;
      var stub =
          post(urlPathEqualTo("/api/chat"))
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willReturn(response(exchange(names[turn])));
      if (turn < names.length - 1) {
        stub.willSetStateTo("turn-" + (turn + 1));
      }
      wireMock.register(stub);
    }
    return this;
  }

  /** Answers the first chat request after {@code delay}, and every later one at once. */
  OllamaStub answerFirstSlowlyWith(String name, Duration delay) {
    String scenario = "first-call-slow";
    wireMock.register(
        post(urlPathEqualTo("/api/chat"))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("answered")
            .willReturn(response(exchange(name)).withFixedDelay((int) delay.toMillis())));
    wireMock.register(
        post(urlPathEqualTo("/api/chat"))
            .inScenario(scenario)
            .whenScenarioStateIs("answered")
            .willReturn(response(exchange(name))));
    return this;
  }

  /**
   * The most chat requests that were in flight at the same moment, from the times the stub logged
   * each request and took to answer it.
   */
  int peakConcurrentChats() {
    List<long[]> spans = new ArrayList<>();
    for (ServeEvent event : wireMock.getServeEvents()) {
      if (event.getRequest().getUrl().startsWith("/api/chat")) {
        long start = event.getRequest().getLoggedDate().getTime();
        Integer took = event.getTiming() == null ? null : event.getTiming().getTotalTime();
        long end = took == null ? System.currentTimeMillis() : start + took;
        spans.add(new long[] {start, end});
      }
    }
    int peak = 0;
    for (long[] span : spans) {
      int overlapping = 0;
      for (long[] other : spans) {
        if (other[0] <= span[0] && span[0] < other[1]) {
          overlapping++;
        }
      }
      peak = Math.max(peak, overlapping);
    }
    return peak;
  }

  /** How many chat requests asked about each image, by the image as the request carried it. */
  Map<String, Integer> callsPerImage() {
    Map<String, Integer> calls = new HashMap<>();
    for (JsonNode chat : chatRequests()) {
      calls.merge(chat.at("/messages/1/images/0").asText(), 1, Integer::sum);
    }
    return calls;
  }

  /** When the server's chat requests arrived, in order. */
  List<Instant> chatTimes() {
    return wireMock.find(WireMock.postRequestedFor(urlPathEqualTo("/api/chat"))).stream()
        .map(request -> request.getLoggedDate().toInstant())
        .sorted()
        .toList();
  }

  /** The chat requests the server sent, as JSON. */
  List<JsonNode> chatRequests() {
    return wireMock.find(WireMock.postRequestedFor(urlPathEqualTo("/api/chat"))).stream()
        .map(LoggedRequest::getBodyAsString)
        .map(OllamaStub::parse)
        .toList();
  }

  /** The exchange's body as the provider sends it. */
  static JsonNode exchange(String name) {
    return read("/corpus/llm/" + name + ".json");
  }

  /** A messy answer variant of the gateway's corpus, e.g. ollama-instructions-ignore-previous. */
  static JsonNode variant(String name) {
    return read("/corpus/llm-variants/" + name + ".json");
  }

  private static JsonNode read(String resource) {
    try (InputStream in = OllamaStub.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus exchange " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseDefinitionBuilder response(JsonNode exchange) {
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(exchange.path("status").asInt())
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(exchange.path("body").toString());
    exchange
        .path("headers")
        .properties()
        .forEach(h -> response.withHeader(h.getKey(), h.getValue().asText()));
    return response;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
