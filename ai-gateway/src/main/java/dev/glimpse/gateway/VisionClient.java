package dev.glimpse.gateway;

import dev.glimpse.gateway.prompt.AltText;

/**
 * Describes an image with a vision model. Implementations never throw for anything a provider can
 * answer: every answer, error and time-out becomes a {@link ModelResult}.
 */
public interface VisionClient {

  ModelResult<AltText> describe(VisionRequest request);
}
