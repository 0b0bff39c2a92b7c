package dev.glimpse.gateway;

import dev.glimpse.gateway.prompt.Summary;
import java.util.Optional;

/**
 * Where the summaries of a long text's parts are kept as they are made, so that an attempt that was
 * cut short — a crash, a lost lease, a failed call halfway — is resumed by the next one, which pays
 * only for the parts still missing.
 */
public interface PartMemory {

  /** Keeps nothing: every part is summarised anew. */
  PartMemory NONE =
      new PartMemory() {
        @Override
        public Optional<Summary> recall(PartKey key) {
          return Optional.empty();
        }

        @Override
        public void keep(PartKey key, Summary summary) {}

        @Override
        public boolean stillWanted() {
          return true;
        }
      };

  /** The summary made earlier of the part {@code key} names, if one was kept. */
  Optional<Summary> recall(PartKey key);

  /** Keeps the summary just made of the part {@code key} names. */
  void keep(PartKey key, Summary summary);

  /**
   * Asked before each part: false stops the map-reduce, because its result is no longer wanted (the
   * task was taken over by another worker).
   */
  boolean stillWanted();
}
