package dev.glimpse.batch.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.provider.Budget;
import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.ProviderState;
import dev.glimpse.domain.provider.RateLimits;
import dev.glimpse.domain.support.DatabaseKind;
import dev.glimpse.domain.usage.Spend;
import dev.glimpse.gateway.CallHealth;
import dev.glimpse.gateway.chat.ThrottledCallException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate limits as one node keeps them on H2, where the buckets live in memory. */
class ClusterRateLimitsTest {

  private static final Spend NOTHING = new Spend(0, 0, 0, BigDecimal.ZERO, 0);

  private static ClusterRateLimits limitedTo(RateLimits limits) {
    ClusterRateLimits throttle = new ClusterRateLimits();
    throttle.health = new CallHealth();
    throttle.database =
        new DatabaseKind() {
          @Override
          public boolean isPostgreSql() {
            return false;
          }
        };
    throttle.gate =
        new ProviderGate() {
          @Override
          public ProviderState state(String provider) {
            return new ProviderState(
                provider,
                ProviderState.Condition.RUNNING,
                "running",
                Budget.NONE,
                limits,
                NOTHING,
                NOTHING);
          }
        };
    return throttle;
  }

  @Test
  void aRequestWhoseTurnIsFurtherAwayThanAnAttemptShouldWaitIsNotSent() {
    ClusterRateLimits throttle = limitedTo(new RateLimits(1, null));

    throttle.beforeRequest("ollama");

    assertThatThrownBy(() -> throttle.beforeRequest("ollama"))
        .isInstanceOf(ThrottledCallException.class)
        .hasMessage("ollama is held to at most 1 requests per minute across the cluster")
        .satisfies(
            e ->
                assertThat(((ThrottledCallException) e).retryAfter())
                    .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
  }

  @Test
  void aRequestThatWaitsForItsTurnIsReportedAsThrottled() {
    ClusterRateLimits throttle = limitedTo(new RateLimits(1, null));
    throttle.beforeRequest("ollama");
    assertThat(throttle.health.trouble("ollama")).isEmpty();

    assertThatThrownBy(() -> throttle.beforeRequest("ollama"))
        .isInstanceOf(ThrottledCallException.class);
    assertThat(throttle.health.trouble("ollama"))
        .contains("throttled on this node: requests wait for the rate limit");
  }

  @Test
  void aRequestThatUsedMoreTokensThanItTookPaysTheDifferenceBeforeTheNextOneGoes() {
    ClusterRateLimits throttle = limitedTo(new RateLimits(null, 1_500L));

    throttle.beforeRequest("openai");
    throttle.afterRequest("openai", 1_500);

    assertThatThrownBy(() -> throttle.beforeRequest("openai"))
        .as("1 125 more tokens, the recent average, are 45 s of refill away")
        .isInstanceOf(ThrottledCallException.class)
        .hasMessageContaining("at most 1500 tokens per minute");
  }

  @Test
  void tokensARequestTookButDidNotUseGoBackToTheBucket() {
    ClusterRateLimits throttle = limitedTo(new RateLimits(null, 1_000L));

    throttle.beforeRequest("openai");
    throttle.afterRequest("openai", 100);
    throttle.beforeRequest("openai");
    throttle.afterRequest("openai", 100);

    throttle.beforeRequest("openai");
  }

  @Test
  void aRequestThatGotNoAnswerGivesItsTokensBack() {
    ClusterRateLimits throttle = limitedTo(new RateLimits(null, 1_000L));

    throttle.beforeRequest("ollama");
    throttle.afterRequest("ollama", 0);

    throttle.beforeRequest("ollama");
  }

  @Test
  void withoutLimitsNothingWaits() {
    ClusterRateLimits throttle = limitedTo(RateLimits.NONE);

    for (int i = 0; i < 100; i++) {
      throttle.beforeRequest("ollama");
      throttle.afterRequest("ollama", 10_000);
    }
  }
}
