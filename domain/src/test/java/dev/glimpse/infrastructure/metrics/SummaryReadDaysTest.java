package dev.glimpse.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.support.H2PersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster's summary reads of a day, as nodes add to them (H2). */
class SummaryReadDaysTest {

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final SummaryReadDays days = new SummaryReadDays();

  SummaryReadDaysTest() {
    days.em = em;
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void whatNodesAddToADayAddsUpAndAnotherDayHasItsOwnRow() {
    LocalDate day = LocalDate.parse("2026-11-30");
    add(day, 3, 1, 2);
    add(day, 4, 0, 1);
    add(day.plusDays(1), 1, 1, 1);

    List<?> rows =
        em.createNativeQuery(
                "SELECT read_on, hits, stale_hits, misses FROM summary_read_day ORDER BY read_on")
            .getResultList();

    assertThat(rows).hasSize(2);
    assertThat((Object[]) rows.get(0)).containsSequence(7L, 1L, 3L);
    assertThat((Object[]) rows.get(1)).containsSequence(1L, 1L, 1L);
  }

  private void add(LocalDate day, long hits, long stale, long misses) {
    em.getTransaction().begin();
    days.add(day, hits, stale, misses);
    em.getTransaction().commit();
  }
}
