package dev.glimpse.gateway;

import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.ollama.OllamaChatModel;
import dev.glimpse.gateway.openai.OpenAiChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The chat model of the configured provider. */
@ApplicationScoped
public class Providers {

  /** The in-process provider, which makes results without a model. */
  public static final String LOCAL = "local";

  static final String OLLAMA = "ollama";
  static final String OPENAI = "openai";

  @Inject GatewaySettings settings;

  @Inject OllamaChatModel ollama;

  @Inject OpenAiChatModel openai;

  /** The provider's name, for health and the console. */
  public String name() {
    return settings.provider();
  }

  /** The chat model of a network provider; empty for {@code local} or an unknown name. */
  Optional<ChatModel> chatModel() {
    switch (settings.provider()) {
      case OLLAMA:
        return Optional.of(ollama);
      case OPENAI:
        return Optional.of(openai);
      case LOCAL:
        return Optional.empty();
      default:
        GatewayLog.LOG.unknownProvider(settings.provider());
        return Optional.empty();
    }
  }

  /**
   * Asks the configured provider: {@code local} for the in-process provider, {@code remote} with
   * the chat model of a network provider, or a permanent failure for an unknown provider name.
   */
  <T> ModelResult<T> route(
      Supplier<ModelResult<T>> local, Function<ChatModel, ModelResult<T>> remote) {
    if (LOCAL.equals(settings.provider())) {
      return local.get();
    }
    return chatModel().map(remote).orElseGet(this::unknown);
  }

  /** The failure every task gets while the provider setting names no provider. */
  <T> ModelResult<T> unknown() {
    return new ModelResult.Failed<>(
        FailureKind.PERMANENT,
        "GLIMPSE_AI_PROVIDER '" + settings.provider() + "' is not one of: ollama, openai, local",
        null,
        CallStats.offline(settings.provider(), "none", 0));
  }
}
