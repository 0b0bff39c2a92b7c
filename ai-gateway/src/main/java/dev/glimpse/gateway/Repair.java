package dev.glimpse.gateway;

/** What had to be mended to read a model's answer: reviewers triage on these. */
public enum Repair {
  /** A {@code <think>…</think>} reasoning block was removed. */
  THINKING_REMOVED,
  /** The JSON was inside a Markdown code fence. */
  FENCES_STRIPPED,
  /** Text before or after the JSON object was dropped. */
  CHATTER_REMOVED,
  /** The JSON itself was mended: trailing commas, smart or single quotes. */
  REPAIRED_JSON,
  /** The answer sat inside a wrapper object such as {@code {"response": {…}}}. */
  UNWRAPPED,
  /** Labels came as one comma-separated string. */
  LABELS_SPLIT,
  /** A "The image shows" preamble was removed from the description. */
  PREAMBLE_REMOVED,
  /** The first answer was unusable; a second call sent the model its validation error. */
  REPAIR_CALL
}
