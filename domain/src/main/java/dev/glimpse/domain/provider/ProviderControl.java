package dev.glimpse.domain.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What an admin decided for one AI provider, stored so that every node applies it: whether its work
 * is paused (by whom, since when) and the budget its calls must keep to; and until when the
 * provider itself asked to be called less (a 429 or 503 answer).
 */
@Entity
@Table(name = "provider_control")
public class ProviderControl {

  @Id
  @Column(name = "provider", length = 32)
  private String provider;

  @Column(name = "paused_by", length = 200)
  private String pausedBy;

  @Column(name = "paused_at")
  private Instant pausedAt;

  @Column(name = "daily_budget_usd", precision = 14, scale = 8)
  private BigDecimal dailyBudgetUsd;

  @Column(name = "monthly_budget_usd", precision = 14, scale = 8)
  private BigDecimal monthlyBudgetUsd;

  @Column(name = "daily_budget_tokens")
  private Long dailyBudgetTokens;

  @Column(name = "monthly_budget_tokens")
  private Long monthlyBudgetTokens;

  @Column(name = "requests_per_minute")
  private Integer requestsPerMinute;

  @Column(name = "tokens_per_minute")
  private Long tokensPerMinute;

  @Column(name = "slow_until")
  private Instant slowUntil;

  @Column(name = "slow_reason", length = 300)
  private String slowReason;

  @Column(name = "changed_by", length = 200, nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ProviderControl() {}

  ProviderControl(String provider, String by, Instant at) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.changedBy = by;
    this.changedAt = at;
  }

  void pause(String by, Instant at) {
    if (pausedAt == null) {
      pausedBy = by;
      pausedAt = at;
    }
    changed(by, at);
  }

  void resume(String by, Instant at) {
    pausedBy = null;
    pausedAt = null;
    slowUntil = null;
    slowReason = null;
    changed(by, at);
  }

  void budget(Budget budget, String by, Instant at) {
    dailyBudgetUsd = budget.dailyUsd();
    monthlyBudgetUsd = budget.monthlyUsd();
    dailyBudgetTokens = budget.dailyTokens();
    monthlyBudgetTokens = budget.monthlyTokens();
    changed(by, at);
  }

  void limit(RateLimits limits, String by, Instant at) {
    requestsPerMinute = limits.requestsPerMinute();
    tokensPerMinute = limits.tokensPerMinute();
    changed(by, at);
  }

  /** No node claims work for the provider before {@code until}; a later wait already set stays. */
  void slowDown(Instant until, String reason) {
    if (slowUntil == null || until.isAfter(slowUntil)) {
      slowUntil = until;
      slowReason = reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
  }

  private void changed(String by, Instant at) {
    changedBy = by;
    changedAt = at;
  }

  public String provider() {
    return provider;
  }

  public boolean paused() {
    return pausedAt != null;
  }

  public String pausedBy() {
    return pausedBy;
  }

  public Instant pausedAt() {
    return pausedAt;
  }

  /** Until when the provider asked every node to slow down, or null. */
  public Instant slowUntil() {
    return slowUntil;
  }

  public String slowReason() {
    return slowReason;
  }

  public RateLimits rateLimits() {
    return new RateLimits(requestsPerMinute, tokensPerMinute);
  }

  public Budget budget() {
    return new Budget(dailyBudgetUsd, monthlyBudgetUsd, dailyBudgetTokens, monthlyBudgetTokens);
  }
}
