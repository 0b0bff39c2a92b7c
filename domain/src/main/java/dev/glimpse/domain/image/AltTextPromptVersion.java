package dev.glimpse.domain.image;

/**
 * The version of the ALT-text prompt descriptions are made with now: a text made with another one
 * is outdated. Implemented by the module that makes descriptions; the version may change while the
 * application runs.
 */
public interface AltTextPromptVersion {

  /** The version a description made now would come from. */
  String current();
}
