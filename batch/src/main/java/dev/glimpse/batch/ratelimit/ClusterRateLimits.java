package dev.glimpse.batch.ratelimit;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.RateLimits;
import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.gateway.chat.CallThrottle;
import dev.glimpse.gateway.chat.ThrottledCallException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Holds the requests to each provider to the rate limits an admin set, across the cluster: token
 * buckets of Bucket4j whose state lives in the database ({@code rate_limit_bucket}), each taken
 * under {@code SELECT … FOR UPDATE}, so that every node draws from the same bucket. Requests per
 * minute are spread evenly (a bucket of one, refilled every 60/n seconds), so no minute ever sees
 * more than n; tokens per minute may come in bursts up to the limit. A request takes the tokens the
 * provider's requests used of late before it goes, and the difference is settled once its answer
 * says what it used.
 *
 * <p>On H2 (one node: the embedded database is not shared) the buckets are kept in memory.
 */
@ApplicationScoped
public class ClusterRateLimits implements CallThrottle {

  /** The longest a request waits for its turn before the task is tried again later. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  /** Tokens a request is taken to use before the provider's answers tell better. */
  static final int FIRST_ESTIMATE = 1_000;

  private static final Logger LOG = Logger.getLogger(ClusterRateLimits.class);

  @Resource(lookup = "java:jboss/datasources/GlimpseDS")
  DataSource dataSource;

  @Inject DatabaseKind database;

  @Inject ProviderGate gate;

  private volatile ProxyManager<String> shared;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private final Map<String, Integer> recentTokens = new ConcurrentHashMap<>();
  private final ThreadLocal<Integer> taken = new ThreadLocal<>();

  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public void beforeRequest(String provider) {
    taken.remove();
    RateLimits limits = gate.state(provider).limits();
    if (!limits.isSet()) {
      return;
    }
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    if (limits.tokensPerMinute() != null) {
      int estimate =
          (int)
              Math.min(
                  recentTokens.getOrDefault(provider, FIRST_ESTIMATE), limits.tokensPerMinute());
      take(tokens(provider, limits.tokensPerMinute()), estimate, deadline, provider, limits);
      taken.set(estimate);
    }
    if (limits.requestsPerMinute() != null) {
      take(requests(provider, limits.requestsPerMinute()), 1, deadline, provider, limits);
    }
  }

  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public void afterRequest(String provider, int tokens) {
    recentTokens.merge(provider, tokens, (before, now) -> (before * 3 + now) / 4);
    Integer estimate = taken.get();
    taken.remove();
    Long perMinute = gate.state(provider).limits().tokensPerMinute();
    if (estimate == null || perMinute == null || tokens == estimate) {
      return;
    }
    Bucket bucket = tokens(provider, perMinute);
    if (tokens > estimate) {
      bucket.consumeIgnoringRateLimits(tokens - estimate);
    } else {
      bucket.addTokens(estimate - tokens);
    }
  }

  /** Takes {@code count} from {@code bucket}, waiting for them until {@code deadline}. */
  private static void take(
      Bucket bucket, long count, long deadline, String provider, RateLimits limits) {
    while (true) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(count);
      if (probe.isConsumed()) {
        return;
      }
      long wait = probe.getNanosToWaitForRefill();
      if (System.nanoTime() + wait > deadline) {
        throw new ThrottledCallException(
            provider + " is held to " + limits.describe() + " across the cluster",
            Duration.ofNanos(wait));
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ThrottledCallException(
            "interrupted while waiting for the rate limit of " + provider, Duration.ofNanos(wait));
      }
    }
  }

  private Bucket requests(String provider, int perMinute) {
    return bucket(
        provider + ":requests:" + perMinute,
        Bandwidth.builder()
            .capacity(1)
            .refillGreedy(1, Duration.ofNanos(TimeUnit.MINUTES.toNanos(1) / perMinute))
            .build());
  }

  private Bucket tokens(String provider, long perMinute) {
    return bucket(
        provider + ":tokens:" + perMinute,
        Bandwidth.builder()
            .capacity(perMinute)
            .refillGreedy(perMinute, Duration.ofMinutes(1))
            .build());
  }

  /** The bucket of {@code key}: one for the cluster in the database, or this node's on H2. */
  private Bucket bucket(String key, Bandwidth limit) {
    if (!database.isPostgreSql()) {
      return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).build());
    }
    return shared()
        .builder()
        .build(key, () -> BucketConfiguration.builder().addLimit(limit).build());
  }

  private ProxyManager<String> shared() {
    ProxyManager<String> proxies = shared;
    if (proxies == null) {
      proxies =
          Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
              .primaryKeyMapper(PrimaryKeyMapper.STRING)
              .table("rate_limit_bucket")
              .idColumn("id")
              .stateColumn("state")
              .build();
      shared = proxies;
      LOG.debug("Rate limits are kept in the database, for the whole cluster");
    }
    return proxies;
  }
}
