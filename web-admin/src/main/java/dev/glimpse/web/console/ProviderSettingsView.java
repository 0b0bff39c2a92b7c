package dev.glimpse.web.console;

import dev.glimpse.domain.provider.Budget;
import dev.glimpse.domain.provider.ProviderControls;
import dev.glimpse.domain.provider.ProviderGate;
import dev.glimpse.domain.provider.ProviderState;
import dev.glimpse.domain.provider.RateLimits;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Backs the provider part of {@code /admin/settings.xhtml} (admins only): pause and resume the work
 * of the provider this node calls, and set its budget, for every node.
 */
@Named
@ViewScoped
public class ProviderSettingsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ProviderGate gate;

  @Inject transient ProviderControls controls;

  private String dailyUsd;
  private String monthlyUsd;
  private String dailyTokens;
  private String monthlyTokens;
  private String requestsPerMinute;
  private String tokensPerMinute;

  @PostConstruct
  void init() {
    Budget budget = state().budget();
    dailyUsd = text(budget.dailyUsd());
    monthlyUsd = text(budget.monthlyUsd());
    dailyTokens = text(budget.dailyTokens());
    monthlyTokens = text(budget.monthlyTokens());
    RateLimits limits = state().limits();
    requestsPerMinute = text(limits.requestsPerMinute());
    tokensPerMinute = text(limits.tokensPerMinute());
  }

  public String getProvider() {
    return gate.inUse();
  }

  public ProviderState state() {
    return gate.state();
  }

  public boolean isPaused() {
    return state().condition() == ProviderState.Condition.PAUSED;
  }

  /** The state in a word or two and why, as the page and the dashboard say it. */
  public String getStateText() {
    return state().describe();
  }

  public void pause() {
    controls.pause(gate.inUse(), Console.actor());
    gate.forget(gate.inUse());
    Console.inform(
        "Paused: no new work goes to " + gate.inUse() + "; tasks wait PENDING, on every node.");
  }

  public void resume() {
    controls.resume(gate.inUse(), Console.actor());
    gate.forget(gate.inUse());
    Console.inform("Resumed: the work for " + gate.inUse() + " goes on.");
  }

  /** Stores the budget; an empty field sets no cap. */
  public void saveBudget() {
    Budget budget;
    try {
      budget =
          new Budget(
              parse(dailyUsd, BigDecimal::new, "daily dollars"),
              parse(monthlyUsd, BigDecimal::new, "monthly dollars"),
              parse(dailyTokens, Long::valueOf, "daily tokens"),
              parse(monthlyTokens, Long::valueOf, "monthly tokens"));
    } catch (IllegalArgumentException e) {
      Console.warn("Not saved: " + e.getMessage() + ".");
      return;
    }
    controls.setBudget(gate.inUse(), budget, Console.actor());
    gate.forget(gate.inUse());
    Console.inform(
        budget.isSet()
            ? "Saved the budget of " + gate.inUse() + "."
            : "Saved: " + gate.inUse() + " has no budget.");
  }

  /** Stores the rate limits; an empty field sets no limit. */
  public void saveRateLimits() {
    RateLimits limits;
    try {
      limits =
          new RateLimits(
              parse(requestsPerMinute, Integer::valueOf, "requests per minute"),
              parse(tokensPerMinute, Long::valueOf, "tokens per minute"));
    } catch (IllegalArgumentException e) {
      Console.warn("Not saved: " + e.getMessage() + ".");
      return;
    }
    controls.setRateLimits(gate.inUse(), limits, Console.actor());
    gate.forget(gate.inUse());
    Console.inform("Saved: " + gate.inUse() + " is held to " + limits.describe() + ".");
  }

  private static <T> T parse(String text, Function<String, T> parser, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parser.apply(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the " + name + " is not a whole number", e);
    }
  }

  private static String text(Object cap) {
    if (cap == null) {
      return "";
    }
    return cap instanceof BigDecimal amount
        ? amount.stripTrailingZeros().toPlainString()
        : cap.toString();
  }

  public String getDailyUsd() {
    return dailyUsd;
  }

  public void setDailyUsd(String dailyUsd) {
    this.dailyUsd = dailyUsd;
  }

  public String getMonthlyUsd() {
    return monthlyUsd;
  }

  public void setMonthlyUsd(String monthlyUsd) {
    this.monthlyUsd = monthlyUsd;
  }

  public String getDailyTokens() {
    return dailyTokens;
  }

  public void setDailyTokens(String dailyTokens) {
    this.dailyTokens = dailyTokens;
  }

  public String getRequestsPerMinute() {
    return requestsPerMinute;
  }

  public void setRequestsPerMinute(String requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  public String getTokensPerMinute() {
    return tokensPerMinute;
  }

  public void setTokensPerMinute(String tokensPerMinute) {
    this.tokensPerMinute = tokensPerMinute;
  }

  public String getMonthlyTokens() {
    return monthlyTokens;
  }

  public void setMonthlyTokens(String monthlyTokens) {
    this.monthlyTokens = monthlyTokens;
  }
}
