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
import java.util.List;
import java.util.Optional;

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

  /**
   * What an item of {@code kind} took on average since {@code since}, from the model that made the
   * latest of them; empty when no item of the kind was made with a model in that time.
   */
  @Transactional(TxType.SUPPORTS)
  public Optional<ItemUsage> perItem(String kind, Instant since) {
    List<?> latest =
        em.createNativeQuery(
                "SELECT provider, model FROM model_usage WHERE kind = ?1 AND at >= ?2"
                    + " ORDER BY at DESC")
            .setParameter(1, kind)
            .setParameter(2, Timestamp.from(since))
            .setMaxResults(1)
            .getResultList();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Object[] model = (Object[]) latest.get(0);
    Object[] sums =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(DISTINCT task_id), SUM(tokens_in), SUM(tokens_out)"
                        + " FROM model_usage WHERE kind = ?1 AND at >= ?2"
                        + " AND provider = ?3 AND model = ?4")
                .setParameter(1, kind)
                .setParameter(2, Timestamp.from(since))
                .setParameter(3, model[0])
                .setParameter(4, model[1])
                .getSingleResult();
    long items = ((Number) sums[0]).longValue();
    return Optional.of(
        new ItemUsage(
            (String) model[0],
            (String) model[1],
            items,
            ((Number) sums[1]).doubleValue() / items,
            ((Number) sums[2]).doubleValue() / items));
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
