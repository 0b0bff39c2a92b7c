package dev.glimpse.domain.quota;

/**
 * A check a new item must pass before it is stored, such as a client's daily quota. It runs in the
 * transaction that stores the item, on the same connection, so an upload takes one connection from
 * the pool rather than one for the check and one for the storing.
 */
@FunctionalInterface
public interface Admission {

  /** Admits everything: for staff, whom no quota limits. */
  Admission ANY = () -> {};

  /**
   * Throws when the item may not be stored.
   *
   * @throws QuotaExceededException when a quota is reached
   */
  void check();
}
