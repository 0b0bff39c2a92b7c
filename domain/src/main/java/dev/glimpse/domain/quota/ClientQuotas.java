package dev.glimpse.domain.quota;

import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.usage.ModelUsageLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The API clients' daily quotas, kept in the database so that every node counts the same: what a
 * client uploaded today (images and documents) and the model calls its items made today, from the
 * cluster's tables rather than from counters in one node.
 */
@ApplicationScoped
public class ClientQuotas {

  static final String UPLOADS = "uploads per day";
  static final String CALLS = "model calls per day";

  private static final Logger LOG = Logger.getLogger(ClientQuotas.class);

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  @Inject ModelUsageLog usage;

  Clock clock = Clock.systemUTC();

  /** Every quota set, by client. */
  @Transactional(TxType.SUPPORTS)
  public List<ClientQuota> all() {
    return em.createQuery("SELECT q FROM ClientQuota q ORDER BY q.client", ClientQuota.class)
        .getResultList();
  }

  /** The quota of {@code client}, if one is set. */
  @Transactional(TxType.SUPPORTS)
  public Optional<ClientQuota> of(String client) {
    return Optional.ofNullable(em.find(ClientQuota.class, client));
  }

  /** Sets the daily quotas of {@code client}; null is no limit. */
  @Transactional
  public void set(String client, Integer uploadsPerDay, Integer callsPerDay, Actor actor) {
    positive(UPLOADS, uploadsPerDay);
    positive(CALLS, callsPerDay);
    ClientQuota quota = em.find(ClientQuota.class, client, LockModeType.PESSIMISTIC_WRITE);
    if (quota == null) {
      quota = new ClientQuota(client);
      quota.set(uploadsPerDay, callsPerDay, actor.toString(), clock.instant());
      em.persist(quota);
    } else {
      quota.set(uploadsPerDay, callsPerDay, actor.toString(), clock.instant());
    }
    LOG.infof(
        "Quotas of %s set by %s: %s uploads, %s model calls per day",
        client, actor, limit(uploadsPerDay), limit(callsPerDay));
  }

  /**
   * {@link #checkUpload} as the admission an upload of {@code client}'s must pass, run by the
   * transaction that stores it.
   */
  public Admission uploadAdmission(String client, String owner) {
    return () -> checkUpload(client, owner);
  }

  /**
   * Checks that {@code client} (whose items are owned by {@code owner}) may upload one more item
   * today: under its quota of uploads, and of model calls, which a new item would need.
   *
   * @throws QuotaExceededException naming the quota reached
   */
  @Transactional(TxType.SUPPORTS)
  public void checkUpload(String client, String owner) {
    ClientQuota quota = em.find(ClientQuota.class, client);
    if (quota == null) {
      return;
    }
    Instant now = clock.instant();
    Instant midnight =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    Duration resetsIn = Duration.between(now, midnight.plus(Duration.ofDays(1)));
    if (quota.uploadsPerDay() != null) {
      long uploads =
          count(
                  "SELECT COUNT(*) FROM image_asset WHERE owner = ?1 AND created_at >= ?2",
                  owner,
                  midnight)
              + count(
                  "SELECT COUNT(*) FROM document WHERE owner = ?1 AND created_at >= ?2",
                  owner,
                  midnight);
      if (uploads >= quota.uploadsPerDay()) {
        throw new QuotaExceededException(client, UPLOADS, quota.uploadsPerDay(), uploads, resetsIn);
      }
    }
    if (quota.callsPerDay() != null) {
      long calls = usage.ofOwnerSince(owner, midnight).calls();
      if (calls >= quota.callsPerDay()) {
        throw new QuotaExceededException(client, CALLS, quota.callsPerDay(), calls, resetsIn);
      }
    }
  }

  private long count(String sql, String owner, Instant since) {
    return ((Number)
            em.createNativeQuery(sql)
                .setParameter(1, owner)
                .setParameter(2, Timestamp.from(since))
                .getSingleResult())
        .longValue();
  }

  private static void positive(String quota, Integer limit) {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("the quota of " + quota + " must be at least 1");
    }
  }

  private static String limit(Integer limit) {
    return limit == null ? "unlimited" : limit.toString();
  }
}
