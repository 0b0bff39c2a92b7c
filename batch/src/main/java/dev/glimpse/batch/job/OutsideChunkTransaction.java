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

  /**
   * Runs reads that belong together in one short transaction of their own, apart from the chunk's:
   * they take one connection from the pool, not one each, and give it back when they are done.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public <T> T reading(Supplier<T> reads) {
    return reads.get();
  }
}
