package dev.glimpse.batch.image;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many images this node reads and prepares at once: {@code GLIMPSE_IMAGE_PREPARATIONS}, by
 * default one per processor. Preparing is CPU work, so more at once would not finish sooner; but
 * each holds the upload's bytes and its decoded pixels, megabytes for a photograph, so the limit is
 * what keeps the heap small however many workers wait for the model.
 */
@ApplicationScoped
public class PreparationSlots {

  /** Work done while holding a slot. */
  @FunctionalInterface
  public interface Preparation<T> {
    T run() throws ImagePreparationException;
  }

  @Inject
  @ConfigProperty(name = "glimpse.image.preparations")
  Optional<Integer> configured;

  private Semaphore slots;

  @PostConstruct
  void size() {
    int count = configured.orElse(Runtime.getRuntime().availableProcessors());
    slots = new Semaphore(Math.max(1, count), true);
  }

  /** Runs {@code preparation} once a slot is free, holding the slot while it runs. */
  public <T> T prepare(Preparation<T> preparation) throws ImagePreparationException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while waiting to prepare an image", e);
    }
    try {
      return preparation.run();
    } finally {
      slots.release();
    }
  }
}
