package dev.glimpse.gateway.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.gateway.chat.CallFailures;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Maps Ollama's error answers ({@code {"error": "…"}} with a 4xx or 5xx status) to an exception.
 */
public class OllamaErrorMapper implements ResponseExceptionMapper<OllamaHttpException> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public OllamaHttpException toThrowable(Response response) {
    String body = CallFailures.body(response);
    return new OllamaHttpException(
        response.getStatus(),
        errorText(body),
        body,
        CallFailures.retryAfter(response.getHeaderString("Retry-After")));
  }

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      return error.isTextual() ? error.asText() : body.strip();
    } catch (JsonProcessingException e) {
      return body.strip();
    }
  }
}
