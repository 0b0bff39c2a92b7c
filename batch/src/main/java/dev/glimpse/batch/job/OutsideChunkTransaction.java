package dev.glimpse.batch.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;

/**
 * Runs a processor's work with the chunk's transaction suspended. The reads it makes then run in
 * short transactions of their own that give their connection back to the pool at once; joined to
 * the chunk's transaction instead, they would keep a pooled connection enlisted until the chunk
 * commits — through the whole model call.
 */
@ApplicationScoped
public class OutsideChunkTransaction {

  @Transactional(TxType.NOT_SUPPORTED)
  public <T> T call(Supplier<T> work) {
    return work.get();
  }
}
