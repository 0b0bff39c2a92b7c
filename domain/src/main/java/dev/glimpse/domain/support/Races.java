package dev.glimpse.domain.support;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.util.function.Supplier;

/** Recognises a transaction that lost a race (another changed the same row first), and retries. */
public final class Races {

  private Races() {}

  /**
   * Runs {@code work} (a transaction of its own) again when it lost a race, up to {@code tries}
   * times: a rolled-back transaction changed nothing, and the next try sees the winner's change.
   * The transaction interceptor throws a failed commit as the checked {@link RollbackException},
   * undeclared, so every exception is examined here, not only unchecked ones.
   */
  public static <T> T retried(Supplier<T> work, int tries) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (Exception e) {
        if (attempt >= tries || !isLostRace(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether {@code e}, or a cause of it, is an optimistic-lock failure or a rolled-back commit. */
  public static boolean isLostRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof RollbackException) {
        return true;
      }
    }
    return false;
  }
}
