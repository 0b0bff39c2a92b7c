package dev.glimpse.gateway;

/** What had to be mended to read a model's answer: reviewers triage on these. */
public enum Repair {
  /** A {@code <think>…</think>} reasoning block was removed. */
  THINKING_REMOVED,
  /** The JSON was inside a Markdown code fence. */
  FENCES_STRIPPED,
  /** Text before or after the JSON object was dropped. */
  CHATTER_REMOVED,
  /** The JSON itself was mended: trailing commas, smart or single quotes, JSON5 syntax. */
  REPAIRED_JSON,
  /** The JSON came encoded a second time: as a JSON string, or escaped inside a fence. */
  DOUBLE_ENCODED,
  /** The answer came as YAML-like {@code key: value} lines rather than JSON. */
  LOOSE_FORMAT,
  /** The answer sat inside a wrapper object such as {@code {"response": {…}}}. */
  UNWRAPPED,
  /** A field had another name or case than asked for ({@code alt_text}, {@code Tags}). */
  KEYS_RENAMED,
  /** Labels came as one comma-separated string. */
  LABELS_SPLIT,
  /** Labels came as objects, a map of label to score, or nested lists. */
  LABELS_RESHAPED,
  /** The text came as a list of sentences, which were joined. */
  SENTENCES_JOINED,
  /** HTML or XML markup was removed from the text. */
  MARKUP_REMOVED,
  /** HTML entities such as {@code &amp;} were decoded. */
  ENTITIES_DECODED,
  /** Markdown emphasis, headings, bullets or links were reduced to their text. */
  MARKDOWN_REMOVED,
  /** Control, zero-width or bidirectional-override characters were removed. */
  CHARACTERS_REMOVED,
  /** A redundant opening such as "The image shows" or "Image of" was removed. */
  PREAMBLE_REMOVED,
  /** The first answer was unusable; a second call sent the model its validation error. */
  REPAIR_CALL
}
