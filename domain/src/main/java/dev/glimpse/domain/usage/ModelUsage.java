package dev.glimpse.domain.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the model calls of one attempt at a task cost and how they went: written as soon as the
 * calls are made, whatever becomes of the attempt, so that spend, latency and calls per client are
 * the cluster's, read from the database by every node alike.
 */
@Entity
@Table(
    name = "model_usage",
    indexes = {
      @Index(name = "ix_model_usage_at", columnList = "at"),
      @Index(name = "ix_model_usage_owner", columnList = "owner, at")
    })
public class ModelUsage {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "task_id", length = 36, nullable = false)
  private String taskId;

  @Column(name = "kind", length = 32, nullable = false)
  private String kind;

  @Column(name = "owner", length = 200, nullable = false)
  private String owner;

  @Column(name = "provider", length = 32, nullable = false)
  private String provider;

  @Column(name = "model", length = 200, nullable = false)
  private String model;

  @Column(name = "calls", nullable = false)
  private int calls;

  @Column(name = "latency_millis", nullable = false)
  private long latencyMillis;

  @Column(name = "tokens_in", nullable = false)
  private int tokensIn;

  @Column(name = "tokens_out", nullable = false)
  private int tokensOut;

  @Column(name = "cost_usd", precision = 14, scale = 8)
  private BigDecimal costUsd;

  @Column(name = "outcome", length = 32, nullable = false)
  private String outcome;

  protected ModelUsage() {}

  ModelUsage(UsageRecord usage, Instant at) {
    this.id = UUID.randomUUID().toString();
    this.at = Objects.requireNonNull(at, "at");
    this.taskId = usage.taskId();
    this.kind = usage.kind();
    this.owner = usage.owner();
    this.provider = usage.provider();
    this.model = usage.model();
    this.calls = usage.calls();
    this.latencyMillis = usage.latencyMillis();
    this.tokensIn = usage.tokensIn();
    this.tokensOut = usage.tokensOut();
    this.costUsd = usage.costUsd();
    this.outcome = usage.outcome();
  }
}
