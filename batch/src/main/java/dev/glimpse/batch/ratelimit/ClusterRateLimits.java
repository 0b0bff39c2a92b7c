package dev.glimpse.batch.ratelimit;

import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.RateLimits;
import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.gateway.CallHealth;
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
 * more than n; tokens per minute may come in bursts up to the limit. A request takes its turn, then
 * the tokens the provider's requests used of late, before it goes; the difference is settled once
 * its answer says what it used, and a request that got no answer gives its tokens back. When the
 * limits cannot be read or taken (the database is away), the request is not sent and its task is
 * tried again later.
 *
 * <p>On H2 (one node: the embedded database is not shared) the buckets are kept in memory.
 */
@ApplicationScoped
public class ClusterRateLimits implements CallThrottle {

  /** The longest a request waits for its turn before the task is tried again later. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  /** When a task whose limits could not be checked is tried again. */
  static final Duration CHECK_AGAIN = Duration.ofSeconds(10);

  /** Tokens a request is taken to use before the provider's answers tell better. */
  static final int FIRST_ESTIMATE = 1_000;

  private static final Logger LOG = Logger.getLogger(ClusterRateLimits.class);

  @Resource(lookup = "java:jboss/datasources/GlimpseDS")
  DataSource dataSource;

  @Inject DatabaseKind database;

  @Inject ProviderGate gate;

  @Inject CallHealth health;

  private volatile ProxyManager<String> shared;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private final Map<String, Integer> recentTokens = new ConcurrentHashMap<>();
  private final ThreadLocal<Integer> taken = new ThreadLocal<>();

  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public void beforeRequest(String provider) {
    taken.remove();
    try {
      RateLimits limits = gate.state(provider).limits();
      if (!limits.isSet()) {
        return;
      }
      long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
      Bucket requests =
          limits.requestsPerMinute() == null
              ? null
              : requests(provider, limits.requestsPerMinute());
      if (requests != null) {
        take(requests, 1, deadline, provider, limits);
      }
      if (limits.tokensPerMinute() != null) {
        int estimate =
            (int)
                Math.min(
                    recentTokens.getOrDefault(provider, FIRST_ESTIMATE), limits.tokensPerMinute());
        try {
          take(tokens(provider, limits.tokensPerMinute()), estimate, deadline, provider, limits);
        } catch (ThrottledCallException e) {
          if (requests != null) {
            requests.addTokens(1);
          }
          throw e;
        }
        taken.set(estimate);
      }
    } catch (ThrottledCallException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warnf("The rate limits of %s could not be read or taken: %s", provider, e.toString());
      throw new ThrottledCallException(
          "the rate limits of " + provider + " could not be checked", CHECK_AGAIN);
    }
  }

  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public void afterRequest(String provider, int tokens) {
    Integer estimate = taken.get();
    taken.remove();
    if (tokens > 0) {
      recentTokens.merge(provider, tokens, (before, now) -> (before * 3 + now) / 4);
    }
    try {
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
    } catch (RuntimeException e) {
      LOG.warnf(
          "What a request to %s used could not be settled with its rate limit: %s",
          provider, e.toString());
    }
  }

  /** Takes {@code count} from {@code bucket}, waiting for them until {@code deadline}. */
  private void take(Bucket bucket, long count, long deadline, String provider, RateLimits limits) {
    while (true) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(count);
      if (probe.isConsumed()) {
        return;
      }
      long wait = probe.getNanosToWaitForRefill();
      health.throttled(provider);
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
