package dev.glimpse.domain.backfill;

/**
 * A backfill with how far the work it handed to the queue has come.
 *
 * @param done handed-over items whose task ended: COMPLETED, FLAGGED or FAILED
 * @param failed of those, the FAILED ones
 * @param waiting handed-over items whose task waits or runs
 */
public record BackfillProgress(Backfill backfill, long done, long failed, long waiting) {

  /** Done as a whole percentage of the items it plans to hand over. */
  public int percent() {
    int planned = backfill.planned();
    return planned == 0 ? 100 : (int) Math.min(100, done * 100 / planned);
  }
}
