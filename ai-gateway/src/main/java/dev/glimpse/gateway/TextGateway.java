package dev.glimpse.gateway;

import dev.glimpse.gateway.chat.ChatCall;
import dev.glimpse.gateway.chat.ChatMessage;
import dev.glimpse.gateway.chat.ChatModel;
import dev.glimpse.gateway.local.LocalTextClient;
import dev.glimpse.gateway.prompt.Summary;
import dev.glimpse.gateway.prompt.SummaryPrompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The {@link TextClient} the application uses: the provider named by {@code GLIMPSE_AI_PROVIDER}
 * with the {@link SummaryPrompt}, or the local provider's extractive summary.
 */
@ApplicationScoped
public class TextGateway implements TextClient {

  static final double TEMPERATURE = 0.2;

  @Inject GatewaySettings settings;

  @Inject CallHealth health;

  @Inject Providers providers;

  @Inject LocalTextClient local;

  /**
   * Summarizes the text; a text longer than {@code GLIMPSE_SUMMARY_CHUNK_CHARS} is summarized in
   * parts, and the parts' summaries are summarized in turn (map-reduce): parts + 1 model calls.
   */
  @Override
  public ModelResult<Summary> summarize(TextRequest request) {
    return summarize(request, PartMemory.NONE);
  }

  /**
   * Summarizes the text as {@link #summarize(TextRequest)} does, keeping each part's summary in
   * {@code memory} as it is made and taking from it the parts an earlier attempt already paid for.
   */
  public ModelResult<Summary> summarize(TextRequest request, PartMemory memory) {
    return providers.route(
        () -> local.summarize(request), model -> mapReduce(model, request, memory));
  }

  /** The prompt version a summary made now would carry: the local provider's, or the model's. */
  public String promptVersion() {
    return Providers.LOCAL.equals(settings.provider())
        ? LocalTextClient.PROMPT_VERSION
        : SummaryPrompt.VERSION;
  }

  ModelResult<Summary> mapReduce(ChatModel model, TextRequest request, PartMemory memory) {
    PromptRunner runner = new PromptRunner(model, settings.prices(), health);
    List<String> chunks = TextChunks.split(request.text(), settings.summaryChunkChars());
    if (chunks.size() <= 1) {
      return runner.run(SummaryPrompt.INSTANCE, call(model, request), request.expectation());
    }
    String modelName = settings.textModel(model.defaultTextModel());
    StringBuilder partials = new StringBuilder();
    CallStats stats = CallStats.offline(model.provider(), modelName, 0);
    for (int i = 0; i < chunks.size(); i++) {
      String numbered = "part " + (i + 1) + " of " + chunks.size();
      if (!memory.stillWanted()) {
        return new ModelResult.Failed<>(
            FailureKind.TRANSIENT,
            "stopped before " + numbered + ": the task went to another worker",
            null,
            stats);
      }
      PartKey key = PartKey.of(chunks.get(i), request.language(), modelName, SummaryPrompt.VERSION);
      Optional<Summary> kept = memory.recall(key);
      Summary summary;
      if (kept.isPresent()) {
        summary = kept.get();
        stats = stats.plusReusedPart();
      } else {
        TextRequest partRequest =
            new TextRequest(
                request.title() + " (" + numbered + ")", chunks.get(i), request.language());
        ModelResult<Summary> result =
            runner.run(SummaryPrompt.INSTANCE, call(model, partRequest), partRequest.expectation());
        stats = stats.plus(result.stats());
        if (result instanceof ModelResult.Failed<Summary> failed) {
          return new ModelResult.Failed<>(
              failed.kind(), numbered + ": " + failed.reason(), failed.retryAfter(), stats);
        }
        summary = ((ModelResult.Answered<Summary>) result).value();
        memory.keep(key, summary);
      }
      partials.append("Part ").append(i + 1).append(": ").append(summary.text()).append('\n');
      summary.keyPoints().forEach(point -> partials.append("- ").append(point).append('\n'));
      partials.append('\n');
    }
    TextRequest combining =
        new TextRequest(
            request.title() + " (summaries of its " + chunks.size() + " parts)",
            partials.toString(),
            request.language(),
            request.softLimit());
    ModelResult<Summary> combined =
        runner.run(SummaryPrompt.INSTANCE, call(model, combining), combining.expectation());
    CallStats total = stats.plus(combined.stats());
    if (combined instanceof ModelResult.Answered<Summary> answered) {
      return new ModelResult.Answered<>(
          answered.value(), answered.promptVersion(), answered.concerns(), total);
    }
    ModelResult.Failed<Summary> failed = (ModelResult.Failed<Summary>) combined;
    return new ModelResult.Failed<>(failed.kind(), failed.reason(), failed.retryAfter(), total);
  }

  private ChatCall call(ChatModel model, TextRequest request) {
    SummaryPrompt prompt = SummaryPrompt.INSTANCE;
    return new ChatCall(
        settings.textModel(model.defaultTextModel()),
        List.of(
            ChatMessage.system(prompt.instructions(request.language())),
            ChatMessage.user(prompt.request(request.title(), request.text()), List.of())),
        prompt.schemaName(),
        prompt.schema(),
        TEMPERATURE,
        null);
  }
}
