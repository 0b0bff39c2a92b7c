package dev.glimpse.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.domain.support.H2PersistenceUnit;
import dev.glimpse.domain.task.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Console users on H2: the first admin, creation, passwords, disabling and roles. */
class ConsoleUsersTest {

  private static final Actor SYSTEM = Actor.system("node-1");
  private static final Actor ADMIN = Actor.user("admin");
  private static final String PASSWORD = "correct horse battery";

  private final EntityManagerFactory factory =
      H2PersistenceUnit.on(H2PersistenceUnit.newDatabase());
  private final EntityManager em = factory.createEntityManager();
  private final ConsoleUsers users = new ConsoleUsers();
  private final RecordingHashing hashing = new RecordingHashing();

  ConsoleUsersTest() {
    users.em = em;
  }

  @AfterEach
  void close() {
    em.close();
    factory.close();
  }

  @Test
  void theEnvironmentsPasswordMakesTheFirstAdminOnceAndOnlyWhileThereIsNone() {
    assertThat(inTransaction(() -> users.createFirstAdmin("admin", PASSWORD, hashing, SYSTEM)))
        .isTrue();
    assertThat(
            inTransaction(
                () -> users.createFirstAdmin("admin", "another password", hashing, SYSTEM)))
        .isFalse();
    assertThat(users.authenticate("admin", PASSWORD, hashing))
        .hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(ConsoleRole.ADMIN));
    assertThat(users.authenticate("admin", "another password", hashing)).isEmpty();
    assertThat(users.all()).extracting(ConsoleUser::createdBy).containsExactly("system:node-1");
  }

  @Test
  void onlyTheHashIsStoredAndAnUnknownNameIsCheckedAgainstTheDecoy() {
    inTransaction(() -> users.create("rita", ConsoleRole.REVIEWER, PASSWORD, hashing, ADMIN));

    Object stored =
        em.createNativeQuery("SELECT password_hash FROM console_user WHERE name = 'rita'")
            .getSingleResult();
    assertThat(stored.toString()).isEqualTo(hashing.hash(PASSWORD)).doesNotContain(PASSWORD);

    hashing.checked.clear();
    assertThat(users.authenticate("nobody", PASSWORD, hashing)).isEmpty();
    assertThat(hashing.checked).containsExactly("decoy");
    assertThat(users.authenticate("rita", "wrong password!", hashing)).isEmpty();
    assertThat(users.authenticate("rita", PASSWORD, hashing)).isPresent();
  }

  @Test
  void aDisabledUserCannotSignInUntilEnabledAgain() {
    inTransaction(() -> users.create("admin", ConsoleRole.ADMIN, PASSWORD, hashing, SYSTEM));
    inTransaction(() -> users.create("rita", ConsoleRole.REVIEWER, PASSWORD, hashing, ADMIN));

    run(() -> users.setEnabled("rita", false, ADMIN));
    assertThat(users.authenticate("rita", PASSWORD, hashing)).isEmpty();
    run(() -> users.setEnabled("rita", true, ADMIN));
    assertThat(users.authenticate("rita", PASSWORD, hashing)).isPresent();
  }

  @Test
  void aResetPasswordReplacesTheOldOne() {
    inTransaction(() -> users.create("rita", ConsoleRole.REVIEWER, PASSWORD, hashing, ADMIN));

    run(() -> users.resetPassword("rita", "a brand new password", hashing, ADMIN));

    assertThat(users.authenticate("rita", PASSWORD, hashing)).isEmpty();
    assertThat(users.authenticate("rita", "a brand new password", hashing)).isPresent();
  }

  @Test
  void theLastAdminStaysAnEnabledAdminAndNobodyDisablesThemselves() {
    inTransaction(() -> users.create("admin", ConsoleRole.ADMIN, PASSWORD, hashing, SYSTEM));
    inTransaction(() -> users.create("ada", ConsoleRole.ADMIN, PASSWORD, hashing, ADMIN));

    assertThatThrownBy(() -> run(() -> users.setEnabled("admin", false, ADMIN)))
        .hasMessageContaining("yourself");
    run(() -> users.setEnabled("ada", false, ADMIN));
    assertThatThrownBy(() -> run(() -> users.setRole("admin", ConsoleRole.REVIEWER, ADMIN)))
        .hasMessageContaining("last enabled admin");
    assertThatThrownBy(() -> run(() -> users.setEnabled("admin", false, Actor.user("ada"))))
        .hasMessageContaining("last enabled admin");

    run(() -> users.setEnabled("ada", true, ADMIN));
    run(() -> users.setRole("admin", ConsoleRole.REVIEWER, Actor.user("ada")));
    assertThat(users.authenticate("admin", PASSWORD, hashing).orElseThrow().role())
        .isEqualTo(ConsoleRole.REVIEWER);
  }

  @Test
  void namesPasswordsAndRolesAreChecked() {
    inTransaction(() -> users.create("rita", ConsoleRole.REVIEWER, PASSWORD, hashing, ADMIN));

    assertThatThrownBy(() -> create("rita", ConsoleRole.ADMIN, PASSWORD))
        .hasMessageContaining("exists");
    assertThatThrownBy(() -> create("Rita Smith", ConsoleRole.ADMIN, PASSWORD))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> create("sam", ConsoleRole.REVIEWER, "eleven char"))
        .hasMessageContaining("12 characters at least");
    assertThatThrownBy(() -> create("sam", null, PASSWORD)).hasMessageContaining("role");
    assertThatThrownBy(() -> run(() -> users.resetPassword("rita", "short", hashing, ADMIN)))
        .hasMessageContaining("12 characters at least");
  }

  private ConsoleUser create(String name, ConsoleRole role, String password) {
    return inTransaction(() -> users.create(name, role, password, hashing, ADMIN));
  }

  private void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  private <T> T inTransaction(Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  /** A stand-in for PBKDF2 that records which hashes it checked passwords against. */
  private static final class RecordingHashing implements PasswordHashing {
    final List<String> checked = new ArrayList<>();

    @Override
    public String hash(String password) {
      return "hash:" + Integer.toHexString(password.hashCode());
    }

    @Override
    public boolean matches(String password, String hash) {
      checked.add(hash.equals(decoyHash()) ? "decoy" : hash);
      return !hash.equals(decoyHash()) && hash.equals(hash(password));
    }

    @Override
    public String decoyHash() {
      return "decoy";
    }
  }
}
