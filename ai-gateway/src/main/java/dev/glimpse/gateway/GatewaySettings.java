package dev.glimpse.gateway;

import dev.glimpse.gateway.cost.PriceTable;
import dev.glimpse.gateway.prompt.AltTextPrompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The gateway's settings from MicroProfile Config; the README lists the environment variables. */
@ApplicationScoped
public class GatewaySettings {

  private Config config;
  private volatile PriceTable prices;

  protected GatewaySettings() {}

  @Inject
  public GatewaySettings(Config config) {
    this.config = config;
  }

  /** {@code ollama}, {@code openai} or {@code local}. */
  public String provider() {
    return text("glimpse.ai.provider").orElse("local").toLowerCase(Locale.ROOT);
  }

  public String ollamaUrl() {
    return text("glimpse.ollama.url").orElse("http://localhost:11434");
  }

  /** How long Ollama keeps a model loaded after a call. */
  public String ollamaKeepAlive() {
    return text("glimpse.ollama.keep-alive").orElse("5m");
  }

  /** The context window to ask Ollama for, if one is configured. */
  public Optional<Integer> ollamaContextTokens() {
    return config.getOptionalValue("glimpse.ollama.num-ctx", Integer.class);
  }

  public String openAiUrl() {
    return text("glimpse.openai.url").orElse("https://api.openai.com/v1");
  }

  /** The bearer key for the OpenAI-compatible server; never logged. */
  public Optional<String> openAiKey() {
    return text("glimpse.openai.api-key");
  }

  /** The configured vision model, or {@code fallback} (the provider's default). */
  public String visionModel(String fallback) {
    return text("glimpse.vision.model").orElse(fallback);
  }

  /** The configured text model, or {@code fallback} (the provider's default). */
  public String textModel(String fallback) {
    return text("glimpse.text.model").orElse(fallback);
  }

  /**
   * The ALT-text prompt in use: the version named by {@code GLIMPSE_PROMPT_ALT_TEXT_VERSION} (the
   * built-in one unless set), with the instructions of {@code GLIMPSE_PROMPT_ALT_TEXT_INSTRUCTIONS}
   * when set. Read at every call, so a change applies to the next one.
   */
  public AltTextPrompt altTextPrompt() {
    return AltTextPrompt.configured(
        text("glimpse.prompt.alt-text.version").orElse(AltTextPrompt.VERSION),
        text("glimpse.prompt.alt-text.instructions").orElse(null));
  }

  /** How long one model call may take. */
  public Duration timeout() {
    return config
        .getOptionalValue("glimpse.ai.timeout", Duration.class)
        .orElse(Duration.ofSeconds(120));
  }

  /** Documents longer than this many characters are summarized in parts (map-reduce). */
  public int summaryChunkChars() {
    return config.getOptionalValue("glimpse.summary.chunk-chars", Integer.class).orElse(12_000);
  }

  /** The price table for cost estimates. */
  public PriceTable prices() {
    PriceTable current = prices;
    if (current == null) {
      current = PriceTable.parse(text("glimpse.ai.prices").orElse(""));
      prices = current;
    }
    return current;
  }

  private Optional<String> text(String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }
}
