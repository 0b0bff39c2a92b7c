package dev.glimpse.gateway;

import java.util.regex.Pattern;

/** Keeps API keys out of reasons, raw responses and logs. */
public final class Secrets {

  static final String REDACTED = "[redacted]";
  private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|pk)-[A-Za-z0-9_*.\\-]{3,}");

  private Secrets() {}

  /** {@code text} with {@code secret} and anything shaped like an API key replaced. */
  public static String redact(String text, String secret) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    if (secret != null && secret.length() >= 4) {
      redacted = redacted.replace(secret, REDACTED);
    }
    return KEY_LIKE.matcher(redacted).replaceAll(REDACTED);
  }
}
