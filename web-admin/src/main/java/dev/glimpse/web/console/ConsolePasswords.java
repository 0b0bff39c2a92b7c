package dev.glimpse.web.console;

import dev.glimpse.domain.access.PasswordHashing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Console passwords hashed with Jakarta Security's PBKDF2: HMAC-SHA-512 with 210,000 iterations and
 * a 32-byte salt per password, as OWASP's password storage guidance has it for that hash. The
 * stored text carries its algorithm, iterations and salt, so that stronger settings later still
 * check the passwords stored before them.
 */
@ApplicationScoped
public class ConsolePasswords implements PasswordHashing {

  @Inject Pbkdf2PasswordHash pbkdf2;

  private String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    byte[] nobody = new byte[24];
    new SecureRandom().nextBytes(nobody);
    decoy = hash(Base64.getEncoder().encodeToString(nobody));
  }

  @Override
  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  @Override
  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  @Override
  public String decoyHash() {
    return decoy;
  }
}
