package dev.glimpse.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes API key secrets for storage: SHA-256 over a server-side pepper, a per-key salt and the
 * secret.
 *
 * <p>A fast hash is right here, unlike for passwords. A password is guessable, so its hash must
 * make every guess expensive (PBKDF2, Argon2). Glimpse's keys carry 256 random bits, which no
 * amount of guessing finds, and every API request checks one, so a slow hash would only cost each
 * request time. The salt keeps equal secrets from having equal hashes; the pepper, which lives in
 * the configuration and never in the database, makes a stolen copy of the table useless for testing
 * even weak keys (the environment's bootstrap keys, which people choose).
 */
public final class KeyHasher {

  private static final HexFormat HEX = HexFormat.of();
  private static final int SALT_BYTES = 16;

  private final byte[] pepper;

  /** A hasher with {@code pepper}; an empty one when none is configured. */
  public KeyHasher(String pepper) {
    this.pepper = pepper.getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh salt, hex-encoded. */
  public String salt(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return HEX.formatHex(salt);
  }

  /** The hash of {@code secret} with {@code salt}, hex-encoded. */
  public String hash(String salt, String secret) {
    return HEX.formatHex(digest(salt, secret));
  }

  /**
   * Whether {@code secret} has {@code expectedHash} with {@code salt}, compared in constant time.
   */
  public boolean matches(String salt, String expectedHash, String secret) {
    return MessageDigest.isEqual(digest(salt, secret), HEX.parseHex(expectedHash));
  }

  private byte[] digest(String salt, String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(pepper);
      sha256.update(HEX.parseHex(salt));
      sha256.update(secret.getBytes(StandardCharsets.UTF_8));
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
