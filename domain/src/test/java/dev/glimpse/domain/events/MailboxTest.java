package dev.glimpse.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MailboxTest {

  private final ManualExecutor executor = new ManualExecutor();
  private final List<String> started = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private int idleRuns;

  private Mailbox mailbox(int capacity) {
    return new Mailbox(
        capacity,
        executor,
        () -> {
          idleRuns++;
          return false;
        },
        failures::add);
  }

  private Supplier<CompletionStage<?>> send(String name, CompletableFuture<?> written) {
    return () -> {
      started.add(name);
      return written;
    };
  }

  @Test
  void eachSendStartsOnlyOnceThePreviousOneWasWritten() {
    Mailbox mailbox = mailbox(4);
    CompletableFuture<Void> first = new CompletableFuture<>();
    mailbox.offer(send("a", first));
    mailbox.offer(send("b", CompletableFuture.completedFuture(null)));
    mailbox.offer(send("c", CompletableFuture.completedFuture(null)));

    executor.runAll();
    assertThat(started).containsExactly("a");

    first.complete(null);
    executor.runAll();
    assertThat(started).containsExactly("a", "b", "c");
    assertThat(idleRuns).isEqualTo(1);
  }

  @Test
  void aFullMailboxRefusesWithoutWaiting() {
    Mailbox mailbox = mailbox(2);
    CompletableFuture<Void> never = new CompletableFuture<>();

    assertThat(mailbox.offer(send("a", never))).isTrue();
    executor.runAll();
    assertThat(mailbox.offer(send("b", never))).isTrue();
    assertThat(mailbox.offer(send("c", never))).isTrue();
    assertThat(mailbox.offer(send("d", never))).isFalse();
    assertThat(started).containsExactly("a");
  }

  @Test
  void aFailedSendClosesTheMailboxAndIsReportedOnce() {
    Mailbox mailbox = mailbox(4);
    CompletableFuture<Void> broken = new CompletableFuture<>();
    mailbox.offer(send("a", broken));
    mailbox.offer(send("b", CompletableFuture.completedFuture(null)));
    executor.runAll();

    broken.completeExceptionally(new IllegalStateException("client gone"));
    executor.runAll();

    assertThat(started).containsExactly("a");
    assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("client gone");
    assertThat(mailbox.isClosed()).isTrue();
    assertThat(mailbox.offer(send("c", CompletableFuture.completedFuture(null)))).isFalse();
  }

  @Test
  void theIdleActionMayOfferMoreAndAskToRunAgain() {
    List<Integer> pages = new ArrayList<>();
    Mailbox[] box = new Mailbox[1];
    box[0] =
        new Mailbox(
            2,
            executor,
            () -> {
              int page = pages.size();
              pages.add(page);
              if (page < 2) {
                box[0].offer(send("page " + page, CompletableFuture.completedFuture(null)));
              }
              return page == 2;
            },
            failures::add);

    box[0].poke();
    executor.runAll();

    assertThat(started).containsExactly("page 0", "page 1");
    assertThat(pages).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aSendWhenIdleIsRefusedWhileAnotherIsUnderWay() {
    Mailbox mailbox = mailbox(4);
    CompletableFuture<Void> slow = new CompletableFuture<>();
    mailbox.offer(send("a", slow));
    executor.runAll();

    assertThat(mailbox.offerWhenIdle(send("beat", slow))).isFalse();
    slow.complete(null);
    executor.runAll();
    assertThat(mailbox.offerWhenIdle(send("beat", slow))).isTrue();
  }
}
