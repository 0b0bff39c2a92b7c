package dev.glimpse.domain.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The version of the prompt summaries are made with now, announced at start by the module that
 * makes them. A summary made with another version is stale, like one made from an older text: a new
 * prompt refreshes summaries as they are read.
 */
@ApplicationScoped
public class CurrentSummaryPrompt {

  private volatile String version;

  /** Summaries are made with prompt {@code version} from now on. */
  public void announce(String version) {
    this.version = version;
  }

  /** The version summaries are made with now, once announced. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * Whether a summary made with {@code promptVersion} is current (true before any announcement).
   */
  boolean isCurrent(String promptVersion) {
    String current = version;
    return current == null || current.equals(promptVersion);
  }
}
