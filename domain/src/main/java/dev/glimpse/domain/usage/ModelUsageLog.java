package dev.glimpse.domain.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps what model calls cost, each attempt's calls in a short transaction of their own: the money
 * is spent once the calls are made, whether or not the attempt's outcome is recorded after them.
 */
@ApplicationScoped
public class ModelUsageLog {

  @PersistenceContext(unitName = "glimpse")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** What every model call cost since {@code since}. */
  @Transactional(TxType.SUPPORTS)
  public Spend since(Instant since) {
    return totals("", null, since);
  }

  /** What the calls to {@code provider} cost since {@code since}. */
  @Transactional(TxType.SUPPORTS)
  public Spend ofProviderSince(String provider, Instant since) {
    return totals(" AND provider = ?2", provider, since);
  }

  /** What the calls made for the items of {@code owner} cost since {@code since}. */
  @Transactional(TxType.SUPPORTS)
  public Spend ofOwnerSince(String owner, Instant since) {
    return totals(" AND owner = ?2", owner, since);
  }

  /** The sums over the rows since {@code since} that {@code filter} (on {@code value}) keeps. */
  private Spend totals(String filter, String value, Instant since) {
    Query query =
        em.createNativeQuery(
                "SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(tokens_in), 0),"
                    + " COALESCE(SUM(tokens_out), 0), COALESCE(SUM(cost_usd), 0),"
                    + " COALESCE(SUM(CASE WHEN cost_usd IS NULL THEN calls ELSE 0 END), 0)"
                    + " FROM model_usage WHERE at >= ?1"
                    + filter)
            .setParameter(1, Timestamp.from(since));
    if (value != null) {
      query.setParameter(2, value);
    }
    Object[] row = (Object[]) query.getSingleResult();
    Object cost = row[3];
    return new Spend(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        cost instanceof BigDecimal exact ? exact : new BigDecimal(cost.toString()),
        ((Number) row[4]).longValue());
  }

  /** Records {@code usage}, made now. */
  @Transactional(TxType.REQUIRES_NEW)
  public void record(UsageRecord usage) {
    em.persist(new ModelUsage(usage, clock.instant()));
  }
}
