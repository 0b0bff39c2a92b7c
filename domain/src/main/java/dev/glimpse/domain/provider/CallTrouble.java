package dev.glimpse.domain.provider;

import java.util.Optional;

/**
 * What held this node's calls to a provider back of late, in words: its circuit breaker open after
 * repeated failures, or the cluster's rate limit. Implemented by the module that makes the calls.
 */
public interface CallTrouble {

  /** The trouble of the last seconds, if any. */
  Optional<String> onThisNode(String provider);
}
