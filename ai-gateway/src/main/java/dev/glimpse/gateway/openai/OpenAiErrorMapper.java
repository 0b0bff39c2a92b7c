package dev.glimpse.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.gateway.chat.CallFailures;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Maps error answers ({@code {"error": {"message", "type", "param", "code"}}}) to an exception,
 * reading the retry hints the official SDKs read: {@code retry-after-ms}, then {@code retry-after},
 * and {@code x-should-retry}.
 */
public class OpenAiErrorMapper implements ResponseExceptionMapper<OpenAiHttpException> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public OpenAiHttpException toThrowable(Response response) {
    String body = CallFailures.body(response);
    JsonNode error = errorObject(body);
    String message = text(error, "message");
    String shouldRetry = response.getHeaderString("x-should-retry");
    return new OpenAiHttpException(
        response.getStatus(),
        message == null ? (body.isBlank() ? "(no body)" : body.strip()) : message,
        text(error, "type"),
        text(error, "code"),
        body,
        retryAfter(response),
        shouldRetry == null ? null : Boolean.valueOf(shouldRetry.trim()));
  }

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  private static Duration retryAfter(Response response) {
    String millis = response.getHeaderString("retry-after-ms");
    if (millis != null) {
      try {
        return Duration.ofMillis(Math.round(Double.parseDouble(millis.trim())));
      } catch (NumberFormatException e) {
        return CallFailures.retryAfter(response.getHeaderString("retry-after"));
      }
    }
    return CallFailures.retryAfter(response.getHeaderString("retry-after"));
  }

  private static JsonNode errorObject(String body) {
    try {
      return MAPPER.readTree(body).path("error");
    } catch (JsonProcessingException e) {
      return MAPPER.missingNode();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
