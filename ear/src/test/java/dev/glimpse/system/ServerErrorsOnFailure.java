package dev.glimpse.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the server's ERROR log entries (each with the first lines of its stack trace) when a
 * system test fails, so that a failure on a build machine can be diagnosed from its output alone.
 */
final class ServerErrorsOnFailure implements TestWatcher {

  private static final Path LOG = Path.of("target/suite-server/log/server.log");
  private static final int ENTRIES = 5;
  private static final int TRACE_LINES = 12;

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    List<String> entries = lastErrors();
    if (!entries.isEmpty()) {
      System.out.printf(
          "%n---- last server errors, after %s failed ----%n%s%n----%n",
          context.getDisplayName(), String.join(System.lineSeparator(), entries));
    }
  }

  private static List<String> lastErrors() {
    List<String> lines;
    try {
      lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(" ERROR [")) {
        int end = Math.min(lines.size(), i + TRACE_LINES);
        entries.add(String.join(System.lineSeparator(), lines.subList(i, end)));
      }
    }
    return entries.subList(Math.max(0, entries.size() - ENTRIES), entries.size());
  }
}
