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
            () -> failingEveryTime(tries, new IllegalStateException(new OptimisticLockException())))
        .hasCauseInstanceOf(OptimisticLockException.class);
    assertThat(tries).hasValue(3);
  }

  @Test
  void anyOtherFailureIsThrownAtOnce() {
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(() -> failingEveryTime(tries, new IllegalArgumentException("bad input")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tries).hasValue(1);
  }

  /** Three tries at work that fails with {@code failure} each time, counted in {@code tries}. */
  private static Object failingEveryTime(AtomicInteger tries, RuntimeException failure) {
    return Races.retried(
        () -> {
          tries.incrementAndGet();
          throw failure;
        },
        3);
  }

  /** Throws a checked exception without declaring it, as an interceptor proxy does. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException undeclared(Exception e) throws E {
    throw (E) e;
  }
}
