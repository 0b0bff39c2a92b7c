package dev.glimpse.gateway.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The fields Glimpse reads from a Chat Completions answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenAiChatResponse(String model, List<Choice> choices, Usage usage) {

  /** One answer; Glimpse asks for one. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Choice(Message message, @JsonProperty("finish_reason") String finishReason) {}

  /** The assistant's message: {@code content} may be null when {@code refusal} is set. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(String role, String content, String refusal) {}

  /** Token counts. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Usage(
      @JsonProperty("prompt_tokens") Integer promptTokens,
      @JsonProperty("completion_tokens") Integer completionTokens) {}
}
