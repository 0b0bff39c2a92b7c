package dev.glimpse.gateway;

import dev.glimpse.gateway.prompt.Summary;

/**
 * Summarises a text with a text model. Implementations never throw for anything a provider can
 * answer: every answer, error and time-out becomes a {@link ModelResult}.
 */
public interface TextClient {

  ModelResult<Summary> summarize(TextRequest request);
}
