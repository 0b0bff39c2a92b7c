package dev.glimpse.gateway;

import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.local.LocalVisionClient;
import dev.glimpse.gateway.prompt.AltText;
import dev.glimpse.gateway.prompt.AltTextPrompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The {@link VisionClient} the application uses: the provider named by {@code GLIMPSE_AI_PROVIDER}
 * with the {@link AltTextPrompt}, or the local provider.
 */
@ApplicationScoped
public class VisionGateway implements VisionClient {

  static final double TEMPERATURE = 0.2;

  @Inject GatewaySettings settings;

  @Inject CallHealth health;

  @Inject Providers providers;

  @Inject LocalVisionClient local;

  @Override
  public ModelResult<AltText> describe(VisionRequest request) {
    return providers.route(
        () -> local.describe(request),
        model -> {
          AltTextPrompt prompt = settings.altTextPrompt();
          return new PromptRunner(model, settings.prices(), health)
              .run(prompt, call(model, prompt, request), request.expectation());
        });
  }

  /** The provider, model and prompt version a description made now would come from. */
  public ModelIdentity identity() {
    if (Providers.LOCAL.equals(settings.provider())) {
      return local.identity();
    }
    return providers
        .chatModel()
        .map(
            model ->
                new ModelIdentity(
                    model.provider(),
                    settings.visionModel(model.defaultVisionModel()),
                    settings.altTextPrompt().version()))
        .orElseGet(
            () ->
                new ModelIdentity(settings.provider(), "none", settings.altTextPrompt().version()));
  }

  private ChatCall call(ChatModel model, AltTextPrompt prompt, VisionRequest request) {
    return new ChatCall(
        settings.visionModel(model.defaultVisionModel()),
        List.of(
            ChatMessage.system(prompt.instructions(request.language())),
            ChatMessage.user(prompt.request(), List.of(request.jpeg()))),
        prompt.schemaName(),
        prompt.schema(),
        TEMPERATURE,
        null);
  }
}
