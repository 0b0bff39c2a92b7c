package dev.glimpse.batch.job;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's model slots, {@code GLIMPSE_AI_CONCURRENCY} of them, handed out first come, first
 * served to the partitions of every job. A partition waits here with the task it claimed; one that
 * just finished a call queues behind those already waiting instead of taking the freed slot again,
 * so a HIGH task claimed while all slots are busy runs after at most the calls queued before it.
 * The gateway's bulkhead stays as the provider's guard; with these slots it never has to refuse.
 */
@ApplicationScoped
public class ModelSlots {

  @Inject
  @ConfigProperty(name = "glimpse.ai.concurrency", defaultValue = "2")
  int concurrency;

  private Semaphore slots;

  @PostConstruct
  void size() {
    slots = new Semaphore(concurrency, true);
  }

  /** Runs {@code call} once a slot is free, holding the slot while it runs. */
  public <T> T call(Supplier<T> call) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while waiting for a model slot", e);
    }
    try {
      return call.get();
    } finally {
      slots.release();
    }
  }
}
