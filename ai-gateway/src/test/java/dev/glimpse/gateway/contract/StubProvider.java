package dev.glimpse.gateway.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.glimpse.gateway.GatewaySettings;
import dev.glimpse.gateway.ollama.OllamaChatModel;
import dev.glimpse.gateway.openai.OpenAiChatModel;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stub Ollama and OpenAI-compatible server on a free port, and the real chat models pointed at it
 * (MicroProfile REST Client, outside a container: no fault-tolerance interceptors).
 */
public final class StubProvider implements AutoCloseable {

  public static final String OLLAMA_PATH = "/api/chat";
  static final String OPENAI_PATH = "/v1/chat/completions";
  static final String API_KEY = "sk-test-SECRET-0123456789abcdef";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Runnable> opened = new ArrayList<>();

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

  public StubProvider() {
    server.start();
  }

  int port() {
    return server.port();
  }

  void reset() {
    server.resetAll();
  }

  /** Answers every call on the exchange's path with it. */
  void answer(CorpusExchange exchange) {
    server.stubFor(post(urlPathEqualTo(path(exchange))).willReturn(response(exchange)));
  }

  public void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  /** The JSON bodies of the calls received on {@code path}. */
  public List<JsonNode> requests(String path) {
    return received(path).stream().map(request -> parse(request.getBodyAsString())).toList();
  }

  List<LoggedRequest> received(String path) {
    return server.findAll(WireMock.postRequestedFor(urlPathEqualTo(path)));
  }

  public OllamaChatModel ollama(Map<String, String> more) {
    OllamaChatModel model = new OllamaChatModel(settings(more));
    opened.add(model::close);
    return model;
  }

  OpenAiChatModel openai(Map<String, String> more) {
    OpenAiChatModel model = new OpenAiChatModel(settings(more));
    opened.add(model::close);
    return model;
  }

  public GatewaySettings settings(Map<String, String> more) {
    Map<String, String> properties = new HashMap<>();
    properties.put("glimpse.ollama.url", "http://127.0.0.1:" + port());
    properties.put("glimpse.openai.url", "http://127.0.0.1:" + port() + "/v1");
    properties.put("glimpse.openai.api-key", API_KEY);
    properties.put("glimpse.ai.timeout", "PT3S");
    properties.put("glimpse.ai.prices", "llava:7b=0.10/0.40,gpt-4o-mini=0.15/0.60");
    properties.putAll(more);
    return new GatewaySettings(
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .build());
  }

  static String path(CorpusExchange exchange) {
    return exchange.isOllama() ? OLLAMA_PATH : OPENAI_PATH;
  }

  static ResponseDefinitionBuilder response(CorpusExchange exchange) {
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(exchange.status())
            .withHeader("Content-Type", "application/json")
            .withBody(exchange.body());
    exchange.headers().forEach(response::withHeader);
    return response;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    opened.forEach(Runnable::run);
    server.stop();
  }
}
