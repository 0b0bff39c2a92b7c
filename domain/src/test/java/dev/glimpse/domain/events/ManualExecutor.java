package dev.glimpse.domain.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that runs its tasks when the test says so, in the order they came. */
final class ManualExecutor implements Executor {

  private final Deque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.addLast(task);
  }

  /** Runs tasks, and the tasks they add, until none is left. */
  void runAll() {
    for (Runnable task = next(); task != null; task = next()) {
      task.run();
    }
  }

  /** Runs the oldest task, if any; answers whether there was one. */
  boolean runOne() {
    Runnable task = next();
    if (task != null) {
      task.run();
    }
    return task != null;
  }

  private synchronized Runnable next() {
    return tasks.pollFirst();
  }
}
