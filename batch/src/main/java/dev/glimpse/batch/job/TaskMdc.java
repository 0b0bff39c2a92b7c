package dev.glimpse.batch.job;

import java.util.function.Supplier;
import org.jboss.logging.MDC;

/** Runs work with the task's id in the logging context, so every log line of it names the task. */
public final class TaskMdc {

  static final String KEY = "taskId";

  private TaskMdc() {}

  public static void run(String taskId, Runnable work) {
    call(
        taskId,
        () -> {
          work.run();
          return null;
        });
  }

  public static <T> T call(String taskId, Supplier<T> work) {
    MDC.put(KEY, taskId);
    try {
      return work.get();
    } finally {
      MDC.remove(KEY);
    }
  }
}
