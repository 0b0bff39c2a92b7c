package dev.glimpse.gateway.prompt;

import dev.glimpse.gateway.judge.Concern;
import java.util.List;

/**
 * A read answer after judgement: the finished value with what a person must see about it, or the
 * refusal it turned out to be.
 *
 * @param value the finished value, or null for a refusal
 * @param refusal why the answer is a refusal or useless rather than a result, or null
 */
public record Judged<T>(T value, String refusal, List<Concern> concerns) {

  public Judged {
    concerns = List.copyOf(concerns);
  }

  static <T> Judged<T> answered(T value, List<Concern> concerns) {
    return new Judged<>(value, null, concerns);
  }

  static <T> Judged<T> refused(String refusal) {
    return new Judged<>(null, refusal, List.of());
  }
}
