package dev.glimpse.gateway.ollama;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of Ollama's {@code POST /api/chat}, non-streaming. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OllamaChatRequest(
    String model,
    List<Message> messages,
    Object format,
    boolean stream,
    Map<String, Object> options,
    @JsonProperty("keep_alive") String keepAlive) {

  /** One chat message; {@code images} are raw base64 strings, without a data-URL prefix. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(String role, String content, List<String> images) {}
}
