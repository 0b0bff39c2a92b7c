package dev.glimpse.gateway.chat;

/**
 * A provider's chat endpoint. An implementation answers with a {@link ChatReply} or throws a {@link
 * ModelCallException} whose kind says whether trying again can help.
 */
public interface ChatModel {

  /** The provider's name as recorded with results: {@code ollama}, {@code openai}. */
  String provider();

  /** The model used for vision prompts unless configured otherwise. */
  String defaultVisionModel();

  /** The model used for text prompts unless configured otherwise. */
  String defaultTextModel();

  ChatReply chat(ChatCall call);
}
