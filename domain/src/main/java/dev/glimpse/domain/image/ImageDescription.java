package dev.glimpse.domain.image;

import java.util.List;
import java.util.Objects;

/**
 * A model's ALT text and labels for an image, with what produced them: provider, model, prompt
 * version and the input hash of content, model and prompt together.
 */
public record ImageDescription(
    String altText,
    List<String> labels,
    String provider,
    String model,
    String promptVersion,
    String inputHash) {

  public ImageDescription {
    Objects.requireNonNull(altText, "altText");
    labels = List.copyOf(labels);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(promptVersion, "promptVersion");
    Objects.requireNonNull(inputHash, "inputHash");
  }
}
