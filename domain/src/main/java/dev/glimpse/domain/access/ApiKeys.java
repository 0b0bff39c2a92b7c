package dev.glimpse.domain.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API keys Glimpse issues: {@code glk_}, a public id of 16 characters that finds the key's row
 * without a scan, and a secret of 32 random bytes (43 characters), both URL-safe Base64. Only the
 * secret's hash is stored ({@link KeyHasher}).
 */
public final class ApiKeys {

  static final String PREFIX = "glk_";
  static final int ID_BYTES = 12;
  static final int SECRET_BYTES = 32;
  private static final int ID_CHARS = 16;
  private static final int SECRET_CHARS = 43;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private ApiKeys() {}

  /** A key as it is handed over, once, and the parts it is checked by. */
  public record Issued(String key, String id, String secret) {

    @Override
    public String toString() {
      return "Issued[id=" + id + "]";
    }
  }

  /** The parts of a key that has Glimpse's form. */
  record Parts(String id, String secret) {

    @Override
    public String toString() {
      return "Parts[id=" + id + "]";
    }
  }

  /** A new key from {@code random}. */
  static Issued issue(SecureRandom random) {
    String id = ENCODER.encodeToString(bytes(random, ID_BYTES));
    String secret = ENCODER.encodeToString(bytes(random, SECRET_BYTES));
    return new Issued(PREFIX + id + secret, id, secret);
  }

  /** The id and secret of {@code key}, if it has the form of a key Glimpse issues. */
  static Optional<Parts> parse(String key) {
    if (key == null
        || key.length() != PREFIX.length() + ID_CHARS + SECRET_CHARS
        || !key.startsWith(PREFIX)
        || !key.chars().skip(PREFIX.length()).allMatch(ApiKeys::urlSafe)) {
      return Optional.empty();
    }
    int split = PREFIX.length() + ID_CHARS;
    return Optional.of(new Parts(key.substring(PREFIX.length(), split), key.substring(split)));
  }

  private static boolean urlSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static byte[] bytes(SecureRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
