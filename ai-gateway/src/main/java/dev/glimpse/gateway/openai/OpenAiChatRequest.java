package dev.glimpse.gateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /chat/completions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiChatRequest(
    String model,
    List<Message> messages,
    @JsonProperty("response_format") Map<String, Object> responseFormat,
    double temperature) {

  /** A message; {@code content} is a string, or a list of parts for a message with images. */
  public record Message(String role, Object content) {}

  /** A text part of a user message. */
  public record TextPart(String type, String text) {
    public TextPart(String text) {
      this("text", text);
    }
  }

  /** An image part: a {@code data:image/jpeg;base64,…} URL. */
  public record ImagePart(String type, @JsonProperty("image_url") ImageUrl imageUrl) {
    public ImagePart(String url) {
      this("image_url", new ImageUrl(url, "auto"));
    }
  }

  /** Where the image is, and how closely to look at it. */
  public record ImageUrl(String url, String detail) {}
}
