package dev.glimpse.web.console;

import dev.glimpse.domain.review.TextRevision;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What an item page shows of an item's past: its texts, its task's audit trail and the model's last
 * raw answer.
 */
public record ItemHistory(List<Revision> revisions, List<Step> steps, String rawAnswer)
    implements Serializable {

  /** No past yet. */
  static final ItemHistory NONE = new ItemHistory(List.of(), List.of(), null);

  /** The past of an item from its text revisions and, when it has one, its task. */
  static ItemHistory of(List<TextRevision> texts, AiTask task, List<TaskEvent> events) {
    return new ItemHistory(
        texts.stream().map(Revision::of).toList(),
        events.stream().map(Step::of).toList(),
        task == null ? null : task.lastResponse());
  }

  public List<Revision> getRevisions() {
    return revisions;
  }

  public List<Step> getSteps() {
    return steps;
  }

  public String getRawAnswer() {
    return rawAnswer;
  }

  /** The message of the last step named {@code step}, or null. */
  String lastMessageOf(String step) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (step.equals(steps.get(i).step())) {
        return steps.get(i).message();
      }
    }
    return null;
  }

  /** One text the item had or was offered. */
  public record Revision(Instant at, boolean ai, String author, String text, String items)
      implements Serializable {

    static Revision of(TextRevision revision) {
      return new Revision(
          revision.writtenAt(),
          revision.ai(),
          revision.author(),
          revision.text(),
          String.join(", ", revision.labels()));
    }

    public Instant getAt() {
      return at;
    }

    public boolean isAi() {
      return ai;
    }

    public String getAuthor() {
      return author;
    }

    public String getText() {
      return text;
    }

    public String getItems() {
      return items;
    }
  }

  /** One entry of the audit trail. */
  public record Step(Instant at, String from, String to, String actor, String step, String message)
      implements Serializable {

    static Step of(TaskEvent event) {
      return new Step(
          event.at(),
          event.fromStatus() == null ? "—" : event.fromStatus().name(),
          event.toStatus().name(),
          event.actor(),
          event.step(),
          event.message());
    }

    public Instant getAt() {
      return at;
    }

    public String getFrom() {
      return from;
    }

    public String getTo() {
      return to;
    }

    public String getActor() {
      return actor;
    }

    public String getStep() {
      return step;
    }

    public String getMessage() {
      return message;
    }

    /** Whether the step moved the task to another state. */
    public boolean isTransition() {
      return !from.equals(to);
    }
  }
}
