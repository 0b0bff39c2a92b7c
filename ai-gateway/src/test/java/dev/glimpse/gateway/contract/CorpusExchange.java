package dev.glimpse.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One recorded provider answer from {@code corpus/llm}: status, headers, body and expected outcome.
 */
record CorpusExchange(
    String name, int status, Map<String, String> headers, String body, String expect) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The provider's error text: Ollama's {@code error}, or OpenAI's {@code error.message}. */
  String errorMessage() {
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      return error.isTextual() ? error.asText() : error.path("message").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isOllama() {
    return name.startsWith("ollama-");
  }

  @Override
  public String toString() {
    return name + " → " + expect;
  }

  static List<CorpusExchange> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(CorpusExchange::read)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusExchange named(String name) {
    return read(directory().resolve(name + ".json"));
  }

  private static Path directory() {
    try {
      return Path.of(CorpusExchange.class.getResource("/corpus/llm").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CorpusExchange read(Path file) {
    try {
      JsonNode exchange = MAPPER.readTree(file.toFile());
      String name = file.getFileName().toString().replace(".json", "");
      Map<String, String> headers =
          exchange.path("headers").properties().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asText()));
      return new CorpusExchange(
          name,
          exchange.path("status").asInt(),
          headers,
          exchange.path("body").toString(),
          exchange.path("expect").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
