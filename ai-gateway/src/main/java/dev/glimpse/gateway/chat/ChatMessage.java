package dev.glimpse.gateway.chat;

import java.util.List;
import java.util.Objects;

/**
 * One message of a chat call.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param images JPEG images sent with a user message
 */
public record ChatMessage(String role, String text, List<byte[]> images) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
    images = List.copyOf(images);
  }

  public static ChatMessage system(String text) {
    return new ChatMessage("system", text, List.of());
  }

  public static ChatMessage user(String text, List<byte[]> images) {
    return new ChatMessage("user", text, images);
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", text, List.of());
  }
}
