package dev.glimpse.web.console;

import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.FailureGroup;
import dev.glimpse.domain.task.IllegalTaskTransitionException;
import dev.glimpse.domain.task.TaskCommands;
import dev.glimpse.domain.task.TaskQuery;
import dev.glimpse.domain.task.TaskReads;
import dev.glimpse.domain.task.TaskRunTrigger;
import dev.glimpse.domain.task.TaskStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs {@code /admin/failures.xhtml}: FAILED tasks grouped by error kind and reason, largest group
 * first, with a sample raw answer and the first tasks of each; requeue a group or a single task.
 */
@Named
@ViewScoped
public class FailuresView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many tasks each group lists. */
  static final int TASKS_PER_GROUP = 10;

  @Inject transient TaskReads reads;

  @Inject transient TaskCommands commands;

  @Inject transient TaskRunTrigger trigger;

  private List<FailureCause> causes = List.of();

  @PostConstruct
  void init() {
    load();
  }

  /** Sends every task of the cause numbered {@code index} back to PENDING. */
  public void requeueCause(int index) {
    if (index < 0 || index >= causes.size()) {
      return;
    }
    FailureGroup group = causes.get(index).group();
    int requeued =
        commands.retryAll(
            new TaskQuery(null, TaskStatus.FAILED, null, group.errorKind(), group.errorKey(), 0, 1),
            Console.actor());
    trigger.runSoon();
    Console.inform("Requeued " + requeued + (requeued == 1 ? " task." : " tasks."));
    load();
  }

  /** Sends one task back to PENDING. */
  public void requeue(String taskId) {
    try {
      commands.retry(taskId, null, Console.actor());
      trigger.runSoon();
      Console.inform("Requeued task " + taskId + ".");
    } catch (IllegalTaskTransitionException e) {
      Console.warn("Task " + taskId + " is no longer FAILED.");
    }
    load();
  }

  public List<FailureCause> getCauses() {
    return causes;
  }

  private void load() {
    List<FailureCause> loaded = new ArrayList<>();
    for (FailureGroup group : reads.failureGroups(null)) {
      List<FailedTask> tasks =
          reads
              .list(
                  new TaskQuery(
                      null,
                      TaskStatus.FAILED,
                      null,
                      group.errorKind(),
                      group.errorKey(),
                      0,
                      TASKS_PER_GROUP))
              .items()
              .stream()
              .map(FailedTask::of)
              .toList();
      loaded.add(new FailureCause(loaded.size(), group, tasks));
    }
    causes = loaded;
  }

  /** One cause of failure with its first tasks; {@code index} names it in actions. */
  public record FailureCause(int index, FailureGroup group, List<FailedTask> tasks)
      implements Serializable {

    public String getErrorKind() {
      return group.errorKind();
    }

    public long getCount() {
      return group.count();
    }

    public String getExample() {
      return group.example();
    }

    public String getSampleResponse() {
      return group.sampleResponse();
    }

    public List<FailedTask> getTasks() {
      return tasks;
    }

    public int getIndex() {
      return index;
    }
  }

  /** One FAILED task, with what the console links to. */
  public record FailedTask(String id, String kind, String subjectId, String lastError, int attempts)
      implements Serializable {

    static FailedTask of(AiTask task) {
      return new FailedTask(
          task.id(), task.kind().name(), task.subjectId(), task.lastError(), task.attempts());
    }

    public String getId() {
      return id;
    }

    /** The page of the item the task works for. */
    public String getItemPage() {
      return ("DESCRIBE_IMAGE".equals(kind) ? "image" : "document") + ".xhtml?id=" + subjectId;
    }

    public String getKind() {
      return kind;
    }

    public String getLastError() {
      return lastError;
    }

    public int getAttempts() {
      return attempts;
    }
  }
}
