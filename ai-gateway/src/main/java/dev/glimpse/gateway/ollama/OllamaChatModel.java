package dev.glimpse.gateway.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.gateway.GatewaySettings;
import dev.glimpse.gateway.chat.CallFailures;
import dev.glimpse.gateway.chat.CallThrottle;
import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.chat.ChatReply;
import dev.glimpse.gateway.chat.DeferredCallException;
import dev.glimpse.gateway.chat.LazyRestClient;
import dev.glimpse.gateway.chat.ServedCalls;
import dev.glimpse.gateway.chat.ThrottledCallException;
import dev.glimpse.gateway.chat.TransientCallException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Ollama's {@code POST /api/chat}, non-streaming, with images as raw base64 strings and the
 * answer's JSON schema as {@code format}.
 *
 * <p>Fault tolerance: a transient failure (time-out, refused connection, 429, 5xx) is retried twice
 * after 0.5 s (± 0.25 s), unless Ollama asked for a longer wait, which the task engine then
 * honours; a circuit breaker opens when 8 of the last 10 calls failed transiently and tries again
 * after 30 s; a bulkhead admits {@code GLIMPSE_AI_CONCURRENCY} calls at a time (set {@code
 * OLLAMA_NUM_PARALLEL} to match).
 */
@ApplicationScoped
public class OllamaChatModel implements ChatModel {

  static final String PROVIDER = "ollama";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private GatewaySettings settings;

  private LazyRestClient<OllamaApi> api;

  private CallThrottle throttle = CallThrottle.NONE;

  protected OllamaChatModel() {}

  @Inject
  public OllamaChatModel(GatewaySettings settings) {
    this.settings = settings;
    this.api = new LazyRestClient<>(OllamaApi.class, settings::ollamaUrl, settings::timeout);
  }

  /** Keeps the requests within the cluster's rate limits, when the application has a throttle. */
  @Inject
  void throttleWith(Instance<CallThrottle> throttles) {
    if (throttles.isResolvable()) {
      throttle = throttles.get();
    }
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String defaultVisionModel() {
    return "llava:7b";
  }

  @Override
  public String defaultTextModel() {
    return "llama3.2:3b";
  }

  @Override
  @Retry(
      retryOn = {TransientCallException.class, BulkheadException.class},
      abortOn = DeferredCallException.class,
      maxRetries = 2,
      delay = 500,
      jitter = 250)
  @CircuitBreaker(
      failOn = TransientCallException.class,
      skipOn = ThrottledCallException.class,
      requestVolumeThreshold = 10,
      failureRatio = 0.8,
      delay = 30_000,
      successThreshold = 2)
  @Bulkhead(2)
  public ChatReply chat(ChatCall call) {
    return CallThrottle.request(throttle, PROVIDER, () -> reply(send(call)));
  }

  private String send(ChatCall call) {
    try {
      String raw = api.get().chat(MAPPER.writeValueAsString(request(call)));
      ServedCalls.served();
      return raw;
    } catch (OllamaHttpException e) {
      ServedCalls.answered(e.status());
      throw CallFailures.forStatus(
          e.status(), "Ollama answered " + e.status() + ": " + e.error(), e.retryAfter(), e.body());
    } catch (ProcessingException e) {
      ServedCalls.unanswered(e);
      throw CallFailures.forTransport("Ollama", e, settings.timeout());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the chat request cannot be written as JSON", e);
    }
  }

  OllamaChatRequest request(ChatCall call) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("temperature", call.temperature());
    Integer context =
        call.contextTokens() != null
            ? call.contextTokens()
            : settings.ollamaContextTokens().orElse(null);
    if (context != null) {
      options.put("num_ctx", context);
    }
    return new OllamaChatRequest(
        call.model(),
        call.messages().stream().map(OllamaChatModel::message).toList(),
        call.schema(),
        false,
        options,
        settings.ollamaKeepAlive());
  }

  static ChatReply reply(String raw) {
    OllamaChatResponse response;
    try {
      response = MAPPER.readValue(raw, OllamaChatResponse.class);
    } catch (JsonProcessingException e) {
      throw new TransientCallException(
          "Ollama's answer is not the chat JSON it should be", null, raw);
    }
    if (response.error() != null) {
      throw new TransientCallException("Ollama reported an error: " + response.error(), null, raw);
    }
    return new ChatReply(
        response.content(),
        null,
        finish(response.doneReason()),
        response.promptEvalCount() == null ? 0 : response.promptEvalCount(),
        response.evalCount() == null ? 0 : response.evalCount(),
        raw);
  }

  private static ChatReply.Finish finish(String doneReason) {
    if ("stop".equals(doneReason)) {
      return ChatReply.Finish.STOP;
    }
    return "length".equals(doneReason) ? ChatReply.Finish.LENGTH : ChatReply.Finish.OTHER;
  }

  private static OllamaChatRequest.Message message(ChatMessage message) {
    List<String> images =
        message.images().isEmpty()
            ? null
            : message.images().stream().map(Base64.getEncoder()::encodeToString).toList();
    return new OllamaChatRequest.Message(message.role(), message.text(), images);
  }

  /** Releases the REST client's connections. */
  @PreDestroy
  public void close() {
    if (api != null) {
      api.close();
    }
  }
}
