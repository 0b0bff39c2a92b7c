package dev.glimpse.domain.task;

import java.util.Objects;

/**
 * Who caused a step of a task: a batch job execution on a node, a console user, an API client or
 * the system itself. Stored in the audit trail as {@code kind:name}.
 */
public record Actor(String kind, String name) {

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static Actor job(long executionId, String node) {
    return new Actor("job", executionId + "@" + node);
  }

  public static Actor user(String name) {
    return new Actor("user", name);
  }

  public static Actor apiClient(String name) {
    return new Actor("api", name);
  }

  public static Actor system(String node) {
    return new Actor("system", node);
  }

  @Override
  public String toString() {
    return kind + ":" + name;
  }
}
