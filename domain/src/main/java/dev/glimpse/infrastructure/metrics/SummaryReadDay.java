package dev.glimpse.infrastructure.metrics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * How the whole cluster served summary reads on one UTC day: every node adds what it counted, so
 * the hit rate on the dashboard is the cluster's, not one node's.
 */
@Entity
@Table(name = "summary_read_day")
public class SummaryReadDay {

  @Id
  @Column(name = "read_on")
  private LocalDate day;

  @Column(name = "hits", nullable = false)
  private long hits;

  @Column(name = "stale_hits", nullable = false)
  private long staleHits;

  @Column(name = "misses", nullable = false)
  private long misses;

  protected SummaryReadDay() {}

  SummaryReadDay(LocalDate day, long hits, long staleHits, long misses) {
    this.day = day;
    this.hits = hits;
    this.staleHits = staleHits;
    this.misses = misses;
  }
}
