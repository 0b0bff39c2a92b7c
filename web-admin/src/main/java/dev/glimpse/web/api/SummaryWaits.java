package dev.glimpse.web.api;

import dev.glimpse.domain.document.DocumentListing;
import dev.glimpse.domain.document.DocumentService;
import dev.glimpse.domain.events.EventFeed;
import dev.glimpse.domain.events.Subscription;
import dev.glimpse.domain.events.TaskChange;
import dev.glimpse.domain.task.TaskKind;
import dev.glimpse.domain.task.TaskStatus;
import dev.glimpse.web.limits.ApiLimits;
import dev.glimpse.web.limits.ClientSlots;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Summary reads waiting for a summary that does not exist yet ({@code ?wait=}), suspended without
 * holding a thread: each is answered when its document's task ends (a task change, from any node)
 * or when its wait is over, whichever comes first.
 */
@ApplicationScoped
public class SummaryWaits {

  @Inject EventFeed feed;

  @Inject DocumentService documents;

  @Inject ApiLimits limits;

  @Resource ManagedExecutorService executor;

  private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
  private final ClientSlots held =
      new ClientSlots(
          "waiting summary reads", "read without wait, or later.", Duration.ofSeconds(5));
  private Subscription subscription;

  /** One suspended read, answered once. */
  private record Waiter(
      String documentId,
      String owner,
      ClientSlots.Slot slot,
      AsyncResponse response,
      Function<DocumentListing, Response> answer) {}

  @PostConstruct
  void start() {
    subscription = feed.listen(this::changed);
  }

  /**
   * Answers {@code response} with {@code answer} applied to the document once its summary task has
   * ended, or after {@code wait}.
   *
   * @throws dev.glimpse.web.limits.LimitReachedException when {@link ApiLimits#summaryWaits()}
   *     reads of {@code owner} wait
   */
  void await(
      String documentId,
      String owner,
      Duration wait,
      AsyncResponse response,
      Function<DocumentListing, Response> answer) {
    ClientSlots.Slot slot = held.take(owner, limits.summaryWaits());
    Waiter waiter = new Waiter(documentId, owner, slot, response, answer);
    waiting.compute(
        documentId,
        (id, waiters) -> {
          Set<Waiter> all = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
          all.add(waiter);
          return all;
        });
    response.setTimeout(wait.toMillis(), TimeUnit.MILLISECONDS);
    response.setTimeoutHandler(timedOut -> answer(waiter));
    try {
      if (documents.find(documentId, owner).summary() != null) {
        answer(waiter);
      }
    } catch (RuntimeException e) {
      if (remove(waiter)) {
        response.resume(e);
      }
    }
  }

  private void changed(TaskChange change) {
    if (TaskKind.SUMMARIZE_DOCUMENT.name().equals(change.kind())
        && TaskStatus.valueOf(change.status()).isSettled()
        && waiting.containsKey(change.subjectId())) {
      executor.execute(() -> answerAll(change.subjectId()));
    }
  }

  private void answerAll(String documentId) {
    Set<Waiter> waiters = waiting.getOrDefault(documentId, Set.of());
    waiters.forEach(this::answer);
  }

  private void answer(Waiter waiter) {
    if (!remove(waiter)) {
      return;
    }
    try {
      DocumentListing listing = documents.find(waiter.documentId(), waiter.owner());
      waiter.response().resume(waiter.answer().apply(listing));
    } catch (RuntimeException e) {
      waiter.response().resume(e);
    }
  }

  /** Takes {@code waiter} off the list; false when it was answered already. */
  private boolean remove(Waiter waiter) {
    boolean[] removed = {false};
    waiting.computeIfPresent(
        waiter.documentId(),
        (id, waiters) -> {
          removed[0] = waiters.remove(waiter);
          return waiters.isEmpty() ? null : waiters;
        });
    if (removed[0]) {
      waiter.slot().release();
    }
    return removed[0];
  }

  /**
   * Answers every read still waiting, as its summary stands (202 with Retry-After while there is
   * none), rather than leave it to a time-out after the application has stopped.
   */
  @PreDestroy
  void stop() {
    subscription.close();
    List.copyOf(waiting.values()).forEach(waiters -> List.copyOf(waiters).forEach(this::answer));
  }
}
