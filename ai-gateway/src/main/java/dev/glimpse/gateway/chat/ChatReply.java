package dev.glimpse.gateway.chat;

/**
 * A provider's answer to a chat call, in provider-neutral terms.
 *
 * @param refusal the provider's explicit refusal (OpenAI {@code message.refusal}), or null
 * @param finish why generation stopped
 * @param raw the answer as the provider sent it
 */
public record ChatReply(
    String content, String refusal, Finish finish, int tokensIn, int tokensOut, String raw) {

  /** Why the model stopped writing. */
  public enum Finish {
    /** It was done. */
    STOP,
    /** It hit the output limit: the answer is cut off. */
    LENGTH,
    /** The provider's content filter withheld or cut the answer. */
    CONTENT_FILTER,
    /** Anything else the provider reports. */
    OTHER
  }

  public ChatReply {
    content = content == null ? "" : content;
  }
}
