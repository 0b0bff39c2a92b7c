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
    return all("llm").stream().map(CorpusExchange::read).toList();
  }

  /** The exchange files of {@code corpus/<name>}, sorted by name. */
  static List<Path> all(String name) {
    try (Stream<Path> files = Files.list(directory(name))) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusExchange named(String name) {
    return read(directory("llm").resolve(name + ".json"));
  }

  private static Path directory(String name) {
    try {
      return Path.of(CorpusExchange.class.getResource("/corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CorpusExchange read(Path file) {
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
