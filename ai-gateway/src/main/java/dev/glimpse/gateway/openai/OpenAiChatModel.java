package dev.glimpse.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.GatewaySettings;
import dev.glimpse.gateway.Secrets;
import dev.glimpse.gateway.chat.CallFailures;
import dev.glimpse.gateway.chat.CallThrottle;
import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.chat.ChatReply;
import dev.glimpse.gateway.chat.DeferredCallException;
import dev.glimpse.gateway.chat.LazyRestClient;
import dev.glimpse.gateway.chat.ModelCallException;
import dev.glimpse.gateway.chat.ServedCalls;
import dev.glimpse.gateway.chat.ThrottledCallException;
import dev.glimpse.gateway.chat.TransientCallException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Any OpenAI-compatible {@code POST /chat/completions}: OpenAI itself, vLLM, llama.cpp's server, LM
 * Studio. Images travel as {@code data:} URLs; the answer's schema as a strict {@code json_schema}
 * response format, falling back to {@code json_object} for servers that refuse it.
 *
 * <p>Fault tolerance as for Ollama: transient failures (time-out, refused connection, 408, 409,
 * 429, 5xx) retried twice within the call unless the server asked for a longer wait; a circuit
 * breaker; a bulkhead of {@code GLIMPSE_AI_CONCURRENCY}. A 429 for an exhausted quota is billing,
 * not load, and fails at once. The API key never appears in a reason, a raw response or a log.
 */
@ApplicationScoped
public class OpenAiChatModel implements ChatModel {

  static final String PROVIDER = "openai";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GatewaySettings settings;

  private final AtomicBoolean jsonSchemaRefused = new AtomicBoolean();
  private LazyRestClient<OpenAiApi> api;

  private CallThrottle throttle = CallThrottle.NONE;

  protected OpenAiChatModel() {}

  @Inject
  public OpenAiChatModel(GatewaySettings settings) {
    this.settings = settings;
    this.api = new LazyRestClient<>(OpenAiApi.class, settings::openAiUrl, settings::timeout);
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
    return "gpt-4o-mini";
  }

  @Override
  public String defaultTextModel() {
    return "gpt-4o-mini";
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
    try {
      return ask(request(call, !jsonSchemaRefused.get()));
    } catch (OpenAiHttpException e) {
      ServedCalls.answered(e.status());
      if (e.status() == 400 && !jsonSchemaRefused.get() && refusesJsonSchema(e)) {
        jsonSchemaRefused.set(true);
        return ask(request(call, false));
      }
      throw failure(e);
    }
  }

  /** Sends one request in its turn under the rate limits, and tells the throttle what it used. */
  private ChatReply ask(OpenAiChatRequest request) {
    return CallThrottle.request(throttle, PROVIDER, () -> reply(send(request)));
  }

  private String send(OpenAiChatRequest request) {
    String key = settings.openAiKey().orElse(null);
    try {
      String answer =
          api.get()
              .complete(key == null ? null : "Bearer " + key, MAPPER.writeValueAsString(request));
      ServedCalls.served();
      return answer;
    } catch (ProcessingException e) {
      ServedCalls.unanswered(e);
      throw CallFailures.forTransport("The OpenAI-compatible server", e, settings.timeout());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the chat request cannot be written as JSON", e);
    }
  }

  OpenAiChatRequest request(ChatCall call, boolean jsonSchema) {
    List<OpenAiChatRequest.Message> messages = new ArrayList<>();
    for (ChatMessage message : call.messages()) {
      messages.add(message(message));
    }
    Map<String, Object> format = new LinkedHashMap<>();
    if (jsonSchema) {
      format.put("type", "json_schema");
      format.put(
          "json_schema",
          Map.of("name", call.schemaName(), "schema", call.schema(), "strict", true));
    } else {
      format.put("type", "json_object");
    }
    return new OpenAiChatRequest(call.model(), messages, format, call.temperature());
  }

  ChatReply reply(String raw) {
    String safe = Secrets.redact(raw, settings.openAiKey().orElse(null));
    OpenAiChatResponse response;
    try {
      response = MAPPER.readValue(raw, OpenAiChatResponse.class);
    } catch (JsonProcessingException e) {
      throw new TransientCallException(
          "the server's answer is not the Chat Completions JSON it should be", null, safe);
    }
    if (response.choices() == null || response.choices().isEmpty()) {
      throw new TransientCallException("the server answered without a choice", null, safe);
    }
    OpenAiChatResponse.Choice choice = response.choices().get(0);
    OpenAiChatResponse.Message message = choice.message();
    OpenAiChatResponse.Usage usage = response.usage();
    return new ChatReply(
        message == null ? null : message.content(),
        message == null ? null : message.refusal(),
        finish(choice.finishReason()),
        usage == null || usage.promptTokens() == null ? 0 : usage.promptTokens(),
        usage == null || usage.completionTokens() == null ? 0 : usage.completionTokens(),
        safe);
  }

  private ModelCallException failure(OpenAiHttpException e) {
    String key = settings.openAiKey().orElse(null);
    String reason =
        Secrets.redact(
            "The OpenAI-compatible server answered " + e.status() + ": " + e.getMessage(), key);
    String raw = Secrets.redact(e.body(), key);
    if (e.status() == 429 && e.concerns("insufficient_quota")) {
      return new ModelCallException(FailureKind.PERMANENT, reason, null, raw);
    }
    if (e.status() == 400 && e.concerns("content_filter")) {
      return new ModelCallException(FailureKind.PERMANENT, reason, null, raw);
    }
    if (Boolean.FALSE.equals(e.shouldRetry())) {
      return new ModelCallException(FailureKind.PERMANENT, reason, null, raw);
    }
    if (Boolean.TRUE.equals(e.shouldRetry())) {
      return CallFailures.transientFailure(reason, e.retryAfter(), raw);
    }
    return CallFailures.forStatus(e.status(), reason, e.retryAfter(), raw);
  }

  private static boolean refusesJsonSchema(OpenAiHttpException e) {
    return e.concerns("response_format") || e.concerns("json_schema");
  }

  private static ChatReply.Finish finish(String reason) {
    if (reason == null || "stop".equals(reason)) {
      return ChatReply.Finish.STOP;
    }
    switch (reason) {
      case "length":
        return ChatReply.Finish.LENGTH;
      case "content_filter":
        return ChatReply.Finish.CONTENT_FILTER;
      default:
        return ChatReply.Finish.OTHER;
    }
  }

  private static OpenAiChatRequest.Message message(ChatMessage message) {
    if (message.images().isEmpty()) {
      return new OpenAiChatRequest.Message(message.role(), message.text());
    }
    List<Object> parts = new ArrayList<>();
    parts.add(new OpenAiChatRequest.TextPart(message.text()));
    for (byte[] jpeg : message.images()) {
      parts.add(
          new OpenAiChatRequest.ImagePart(
              "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
    }
    return new OpenAiChatRequest.Message(message.role(), parts);
  }

  /** Releases the REST client's connections. */
  @PreDestroy
  public void close() {
    if (api != null) {
      api.close();
    }
  }
}
