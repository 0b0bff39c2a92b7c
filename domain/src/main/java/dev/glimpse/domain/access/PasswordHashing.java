package dev.glimpse.domain.access;

/**
 * How console passwords are hashed and checked; the web module supplies Jakarta Security's PBKDF2.
 */
public interface PasswordHashing {

  /** The password's hash, with its parameters and salt, for storage. */
  String hash(String password);

  /** Whether {@code password} has {@code hash}, compared in constant time. */
  boolean matches(String password, String hash);

  /**
   * A hash of nobody's password, made like the others, to check an unknown name against so that a
   * sign-in takes as long whether the name exists or not.
   */
  String decoyHash();
}
