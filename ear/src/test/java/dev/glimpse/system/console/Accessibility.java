package dev.glimpse.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;

/**
 * Checks the page shown now with axe-core against WCAG 2.1 A and AA: a serious or critical
 * violation fails the test, naming the rule, its impact, its help text and the offending elements.
 */
public final class Accessibility {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private Accessibility() {}

  /** Runs axe-core in the page {@code browser} shows and asserts it found nothing serious. */
  public static void check(ConsoleBrowser browser) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
    assertThat(results.isErrored()).as("axe-core failed: %s", results.getErrorMessage()).isFalse();
    List<String> violations =
        results.getViolations().stream()
            .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
            .map(Accessibility::describe)
            .toList();
    assertThat(violations)
        .as("serious or critical WCAG 2.1 AA violations on %s", results.getUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    List<String> targets =
        rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).toList();
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets;
  }
}
