package dev.glimpse.domain.support;

import dev.glimpse.domain.review.TextPurpose;
import dev.glimpse.domain.task.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The domain's settings, from MicroProfile Config (environment variables in their upper-case form).
 */
@ApplicationScoped
public class GlimpseSettings {

  @Inject
  @ConfigProperty(name = "glimpse.max-attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "glimpse.task.lease", defaultValue = "PT60S")
  Duration lease;

  @Inject
  @ConfigProperty(name = "glimpse.task.stall", defaultValue = "PT10M")
  Duration stall;

  @Inject
  @ConfigProperty(name = "glimpse.summary.part-retention", defaultValue = "P30D")
  Duration partRetention;

  @Inject
  @ConfigProperty(name = "glimpse.task.retry-page-size", defaultValue = "200")
  int retryPageSize;

  @Inject
  @ConfigProperty(name = "glimpse.image.max-bytes", defaultValue = "26214400")
  long imageMaxBytes;

  @Inject
  @ConfigProperty(name = "glimpse.image.max-pixels", defaultValue = "60000000")
  long imageMaxPixels;

  @Inject
  @ConfigProperty(name = "glimpse.task.backoff-base", defaultValue = "PT15S")
  Duration backoffBase;

  @Inject
  @ConfigProperty(name = "glimpse.task.backoff-cap", defaultValue = "PT30M")
  Duration backoffCap;

  @Inject
  @ConfigProperty(name = "glimpse.document.max-chars", defaultValue = "1000000")
  int documentMaxChars;

  @Inject
  @ConfigProperty(name = "glimpse.document.warm-delay", defaultValue = "PT2S")
  Duration documentWarmDelay;

  @Inject
  @ConfigProperty(name = "glimpse.summary.cache-size", defaultValue = "10000")
  long summaryCacheSize;

  @Inject
  @ConfigProperty(name = "glimpse.events.retention", defaultValue = "PT24H")
  Duration eventsRetention;

  @Inject
  @ConfigProperty(name = "glimpse.events.buffer", defaultValue = "1000")
  int eventsBuffer;

  @Inject
  @ConfigProperty(name = "glimpse.review.alt-text-min-chars", defaultValue = "20")
  int altTextMinChars;

  @Inject
  @ConfigProperty(name = "glimpse.review.alt-text-soft-limit", defaultValue = "150")
  int altTextSoftLimit;

  @Inject
  @ConfigProperty(name = "glimpse.review.summary-min-chars", defaultValue = "40")
  int summaryMinChars;

  @Inject
  @ConfigProperty(name = "glimpse.review.summary-soft-limit", defaultValue = "1500")
  int summarySoftLimit;

  @Inject
  @ConfigProperty(name = "glimpse.backfill.window", defaultValue = "50")
  int backfillWindow;

  @Inject
  @ConfigProperty(name = "jboss.node.name", defaultValue = "glimpse")
  String nodeName;

  /** Attempts a task gets before it is FAILED. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * How many of a backfill's items may wait or run at once: it hands more to the queue as they
   * finish, so a pause or a cancel leaves at most this many to finish.
   */
  public int backfillWindow() {
    return Math.max(1, backfillWindow);
  }

  /** How many tasks a bulk retry sends back to PENDING in each of its transactions. */
  public int retryPageSize() {
    return retryPageSize;
  }

  /**
   * How long a claim holds its task without a heartbeat: work in progress renews its lease every
   * third of this, so a crashed node's tasks are taken over within about this long.
   */
  public Duration lease() {
    return lease;
  }

  /**
   * How long work may go without progress (a model call begun, a part summarised) before its lease
   * is no longer renewed: work that hangs loses its task to another node.
   */
  public Duration stall() {
    return stall;
  }

  /**
   * How long the summaries of a long document's parts are kept: a retried or re-generated summary
   * made within it pays only for the parts whose text changed.
   */
  public Duration partRetention() {
    return partRetention;
  }

  /** How long a task waits after a transient failure: doubling from the base, up to the cap. */
  public Backoff backoff() {
    return new Backoff(backoffBase, backoffCap, 0.2);
  }

  /** The largest upload accepted, in bytes. */
  public long imageMaxBytes() {
    return imageMaxBytes;
  }

  /** The most pixels (width × height) an image may have. */
  public long imageMaxPixels() {
    return imageMaxPixels;
  }

  /** How long a summary refresh waits after the last edit of a document, to coalesce edits. */
  public Duration documentWarmDelay() {
    return documentWarmDelay;
  }

  /** The longest document text accepted, in characters. */
  public int documentMaxChars() {
    return documentMaxChars;
  }

  /** How many stored summaries each node keeps in memory. */
  public long summaryCacheSize() {
    return summaryCacheSize;
  }

  /** How long task changes stay in the event log, to be replayed to subscribers that resume. */
  public Duration eventsRetention() {
    return eventsRetention;
  }

  /**
   * How many task changes a subscriber may have waiting to be written; one that falls further
   * behind is dropped.
   */
  public int eventsBuffer() {
    return eventsBuffer;
  }

  /** How long ALT text should be: reviewers see a character count against the soft limit. */
  public TextPurpose altTextPurpose() {
    return new TextPurpose(altTextMinChars, altTextSoftLimit, true);
  }

  /** How long a summary should be. */
  public TextPurpose summaryPurpose() {
    return new TextPurpose(summaryMinChars, summarySoftLimit, false);
  }

  /** This server's name in a cluster, used in leases and the audit trail. */
  public String nodeName() {
    return nodeName;
  }
}
