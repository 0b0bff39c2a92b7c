package dev.glimpse.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2);

  @Test
  void delaysDoubleWithEachAttemptWithinTheJitter() {
    Random random = new Random(7);
    for (int attempt = 1; attempt <= 4; attempt++) {
      long expected = 10_000L << (attempt - 1);
      assertThat(backoff.delayAfter(attempt, null, random).toMillis())
          .as("attempt %d", attempt)
          .isBetween((long) (expected * 0.8), (long) (expected * 1.2));
    }
  }

  @Test
  void delaysAreCapped() {
    assertThat(backoff.delayAfter(30, null, new Random(1)))
        .isLessThanOrEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void aLongerRetryAfterHintWinsButNotBeyondTheCap() {
    Random random = new Random(3);
    assertThat(backoff.delayAfter(1, Duration.ofSeconds(90), random))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(backoff.delayAfter(1, Duration.ofHours(2), random)).isEqualTo(Duration.ofMinutes(5));
  }
}
