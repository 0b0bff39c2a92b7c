package dev.glimpse.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider-neutral chat request: the messages, the JSON schema the answer must follow and the
 * sampling settings. Providers translate it into their wire format.
 *
 * @param schemaName a short identifier of the schema (OpenAI requires one)
 * @param contextTokens the context window to ask for (Ollama {@code num_ctx}), or null for the
 *     default
 */
public record ChatCall(
    String model,
    List<ChatMessage> messages,
    String schemaName,
    Map<String, Object> schema,
    double temperature,
    Integer contextTokens) {

  public ChatCall {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(schemaName, "schemaName");
    schema = Map.copyOf(schema);
  }

  /** This call followed by the model's unusable answer and a request to correct it. */
  public ChatCall withCorrection(String previousAnswer, String correction) {
    List<ChatMessage> more = new ArrayList<>(messages);
    more.add(ChatMessage.assistant(previousAnswer));
    more.add(ChatMessage.user(correction, List.of()));
    return new ChatCall(model, more, schemaName, schema, temperature, contextTokens);
  }
}
