package dev.glimpse.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.domain.support.H2PersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed sign-ins counted per name and per address, on H2. */
class SignInThrottleTest {

  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final String HOME = "192.0.2.10";

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final SignInThrottle throttle = new SignInThrottle();
  private Instant now = START;

  SignInThrottleTest() {
    throttle.em = em;
    throttle.backoff = Duration.ofSeconds(30);
    throttle.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void fourFailuresCostNothingTheFifthLocksAndEachFurtherOneDoublesTheLock() {
    for (int i = 0; i < 4; i++) {
      fail("rita", HOME);
    }
    assertThat(throttle.lockedFor("rita", HOME)).isZero();

    fail("rita", HOME);
    assertThat(throttle.lockedFor("rita", HOME)).isEqualTo(Duration.ofSeconds(30));
    fail("rita", HOME);
    assertThat(throttle.lockedFor("rita", HOME)).isEqualTo(Duration.ofSeconds(60));

    now = START.plusSeconds(59);
    assertThat(throttle.lockedFor("rita", HOME)).isEqualTo(Duration.ofSeconds(1));
    now = START.plusSeconds(60);
    assertThat(throttle.lockedFor("rita", HOME)).isZero();
  }

  @Test
  void theNameIsLockedFromEveryAddressAndTheAddressForEveryName() {
    for (int i = 0; i < 5; i++) {
      fail("Rita", HOME);
    }

    assertThat(throttle.lockedFor("rita", "198.51.100.7")).isPositive();
    assertThat(throttle.lockedFor("sam", HOME)).isPositive();
    assertThat(throttle.lockedFor("sam", "198.51.100.7")).isZero();
  }

  @Test
  void aSuccessClearsTheNameAndTheAddress() {
    for (int i = 0; i < 5; i++) {
      fail("rita", HOME);
    }
    now = START.plusSeconds(31);
    transaction(() -> throttle.succeeded("rita", HOME));

    fail("rita", HOME);
    assertThat(throttle.lockedFor("rita", HOME)).isZero();
  }

  @Test
  void theLockHasACapAndOldFailuresAreForgotten() {
    for (int i = 0; i < 12; i++) {
      fail("rita", HOME);
    }
    assertThat(throttle.lockedFor("rita", HOME)).isEqualTo(SignInThrottle.LONGEST);

    now = START.plus(Duration.ofHours(2));
    fail("rita", HOME);
    assertThat(throttle.lockedFor("rita", HOME)).isZero();
  }

  private void fail(String user, String address) {
    transaction(() -> throttle.failed(user, address));
  }

  private void transaction(Runnable work) {
    em.getTransaction().begin();
    work.run();
    em.getTransaction().commit();
  }
}
