package dev.glimpse.gateway.local;

import dev.glimpse.gateway.CallStats;
import dev.glimpse.gateway.FailureKind;
import dev.glimpse.gateway.ModelResult;
import dev.glimpse.gateway.TextRequest;
import dev.glimpse.gateway.judge.Concern;
import dev.glimpse.gateway.prompt.Summary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * The in-process summariser: no network and no model. The summary is made of the document's most
 * central sentences (TF-IDF), and says so. Deterministic, and always doubtful.
 */
@ApplicationScoped
public class LocalTextClient {

  static final String PROVIDER = "local";
  static final String MODEL = "extractive-tfidf";
  public static final String PROMPT_VERSION = "local-extract-1";
  static final Concern DOUBT =
      new Concern(
          Concern.Code.LOCAL_PROVIDER,
          "No AI model is configured: this summary is made of sentences picked from the document.");
  static final int SUMMARY_SENTENCES = 3;
  static final int KEY_POINTS = 5;

  /** Picks the summary and key points from the text itself. */
  public ModelResult<Summary> summarize(TextRequest request) {
    long started = System.nanoTime();
    Locale locale = Locale.forLanguageTag(request.language());
    List<String> keyPoints =
        ExtractiveSummarizer.centralSentences(request.text(), locale, KEY_POINTS);
    if (keyPoints.isEmpty()) {
      return new ModelResult.Failed<>(
          FailureKind.PERMANENT,
          "the document has no sentences to summarise",
          null,
          stats(started));
    }
    List<String> summary =
        ExtractiveSummarizer.centralSentences(request.text(), locale, SUMMARY_SENTENCES);
    return new ModelResult.Answered<>(
        new Summary(String.join(" ", summary), keyPoints),
        PROMPT_VERSION,
        List.of(DOUBT),
        stats(started));
  }

  private static CallStats stats(long started) {
    return CallStats.offline(PROVIDER, MODEL, (System.nanoTime() - started) / 1_000_000);
  }
}
