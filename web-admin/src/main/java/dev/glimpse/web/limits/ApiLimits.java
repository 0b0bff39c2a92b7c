package dev.glimpse.web.limits;

import dev.glimpse.domain.support.GlimpseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What one API client may hold and send at a time, per node: open event streams, summary reads
 * waiting for their summary, requests per second (a token bucket of {@code burst} tokens), the
 * bytes of a JSON body and of a multipart text field.
 */
@ApplicationScoped
public class ApiLimits {

  /** Bytes a JSON body may take beyond four per character of the longest document. */
  static final long JSON_ALLOWANCE = 64 * 1024;

  @Inject
  @ConfigProperty(name = "glimpse.api.event-streams-per-client", defaultValue = "5")
  int eventStreams;

  @Inject
  @ConfigProperty(name = "glimpse.api.summary-waits-per-client", defaultValue = "20")
  int summaryWaits;

  @Inject
  @ConfigProperty(name = "glimpse.api.requests-per-second", defaultValue = "50")
  int requestsPerSecond;

  @Inject
  @ConfigProperty(name = "glimpse.api.request-burst", defaultValue = "500")
  int requestBurst;

  @Inject
  @ConfigProperty(name = "glimpse.api.max-json-bytes")
  Optional<Long> maxJsonBytes;

  @Inject
  @ConfigProperty(name = "glimpse.api.max-form-field-bytes", defaultValue = "65536")
  int maxFormFieldBytes;

  @Inject GlimpseSettings settings;

  @PostConstruct
  void check() {
    positive("glimpse.api.event-streams-per-client", eventStreams);
    positive("glimpse.api.summary-waits-per-client", summaryWaits);
    positive("glimpse.api.requests-per-second", requestsPerSecond);
    positive("glimpse.api.request-burst", requestBurst);
    positive("glimpse.api.max-json-bytes", maxJsonBytes());
    positive("glimpse.api.max-form-field-bytes", maxFormFieldBytes);
  }

  /** Event streams one client may have open on this node. */
  public int eventStreams() {
    return eventStreams;
  }

  /** Summary reads of one client that may wait for their summary on this node. */
  public int summaryWaits() {
    return summaryWaits;
  }

  /** Requests per second one client may send to this node, on average. */
  public int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Requests one client may send at once, after a quiet while. */
  public int requestBurst() {
    return requestBurst;
  }

  /**
   * The bytes a JSON body may have: as set, or by default enough for a document of the longest text
   * allowed in UTF-8 (four bytes a character at most) and its other fields.
   */
  public long maxJsonBytes() {
    return maxJsonBytes.orElseGet(() -> 4L * settings.documentMaxChars() + JSON_ALLOWANCE);
  }

  /** The bytes a text field of a multipart upload may have. */
  public int maxFormFieldBytes() {
    return maxFormFieldBytes;
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalStateException(name + " must be at least 1, not " + value);
    }
  }
}
