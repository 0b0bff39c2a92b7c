package dev.glimpse.domain.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RacesTest {

  @Test
  void aCommitRolledBackByTheInterceptorIsTriedAgain() {
    AtomicInteger tries = new AtomicInteger();

    String result =
        Races.retried(
            () -> {
              if (tries.incrementAndGet() == 1) {
                throw undeclared(new RollbackException("ARJUNA016053: Could not commit"));
              }
              return "won";
            },
            3);

    assertThat(result).isEqualTo("won");
    assertThat(tries).hasValue(2);
  }

  @Test
  void aWrappedOptimisticLockIsTriedAgainUpToTheLimit() {
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Races.retried(
                    () -> {
                      tries.incrementAndGet();
                      throw new IllegalStateException(new OptimisticLockException("moved on"));
                    },
                    3))
        .hasCauseInstanceOf(OptimisticLockException.class);
    assertThat(tries).hasValue(3);
  }

  @Test
  void anyOtherFailureIsThrownAtOnce() {
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Races.retried(
                    () -> {
                      tries.incrementAndGet();
                      throw new IllegalArgumentException("bad input");
                    },
                    3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tries).hasValue(1);
  }

  /** Throws a checked exception without declaring it, as an interceptor proxy does. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException undeclared(Exception e) throws E {
    throw (E) e;
  }
}
