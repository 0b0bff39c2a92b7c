package dev.glimpse.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushbacksTest {

  /** Other tests on this thread met 429s that nobody took. */
  @BeforeEach
  @AfterEach
  void clear() {
    Pushbacks.take();
  }

  @Test
  void a429AsksForItsRetryAfterAndA503WithoutOneForTenSeconds() {
    CallFailures.forStatus(429, "too many requests", Duration.ofSeconds(5), null);

    assertThat(Pushbacks.take()).contains(Duration.ofSeconds(5));

    CallFailures.forStatus(503, "unavailable", null, null);

    assertThat(Pushbacks.take()).contains(Pushbacks.WITHOUT_RETRY_AFTER);
  }

  @Test
  void theLongestWaitOfACallsTriesIsKeptUntilTakenOnce() {
    CallFailures.forStatus(429, "too many requests", Duration.ofSeconds(30), null);
    CallFailures.forStatus(429, "too many requests", Duration.ofSeconds(1), null);

    assertThat(Pushbacks.take()).contains(Duration.ofSeconds(30));
    assertThat(Pushbacks.take()).isEmpty();
  }

  @Test
  void otherErrorsAskForNothing() {
    CallFailures.forStatus(500, "broken", Duration.ofSeconds(5), null);
    CallFailures.forStatus(400, "bad request", null, null);

    assertThat(Pushbacks.take()).isEmpty();
  }
}
