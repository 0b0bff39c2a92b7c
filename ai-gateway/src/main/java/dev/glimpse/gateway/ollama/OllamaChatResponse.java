package dev.glimpse.gateway.ollama;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields Glimpse reads from Ollama's chat answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OllamaChatResponse(
    String model,
    Message message,
    @JsonProperty("done_reason") String doneReason,
    Boolean done,
    String error,
    @JsonProperty("prompt_eval_count") Integer promptEvalCount,
    @JsonProperty("eval_count") Integer evalCount,
    @JsonProperty("total_duration") Long totalDuration) {

  /** The assistant's message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(String role, String content) {}

  /** The answer's text, or an empty string. */
  public String content() {
    return message == null || message.content() == null ? "" : message.content();
  }
}
